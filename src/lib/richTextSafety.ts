/**
 * What rich text may hold, checked on every write whatever path it took (admin, REST, GraphQL, a
 * translator's draft, XLIFF import, seed): before each write operation (`plugins/rich-text-safety`)
 * and in the editor's first hook (`src/fields/richTextEditor.ts`), ahead of Lexical's own hooks,
 * which walk the tree recursively.
 */

/**
 * Bounds on one rich text value. The longest training module of the programme has about 2,500
 * nodes (20,000 is eight times that); Lexical nests a list item's list two levels deeper per
 * indent, so 32 levels leave room for lists indented a dozen times. A 1 MiB JSON body (the API's
 * limit) can carry 70,000 levels or 300,000 empty nodes: Payload copies a write's data recursively
 * before any hook, so `plugins/rich-text-safety` checks these bounds before the operation starts.
 */
export const RICH_TEXT_LIMITS = { maxDepth: 32, maxNodes: 20_000, maxUrlLength: 2048 } as const

/**
 * Link targets a reader may be sent to: web pages, e-mail, phone, and this site's own paths and
 * anchors. An allowlist on the first characters, so no spelling of another scheme (`JaVaScRiPt:`,
 * ` javascript:`, `java\tscript:`, `jav&#x61;script:`, `data:`, `vbscript:`) gets through: whitespace
 * and control characters, which browsers strip from inside a scheme, are refused anywhere, and an
 * entity or percent-escape before the first `:` leaves the URL matching none of the forms. `//host`
 * and `/\host` are other sites in disguise, so a relative link starts with one `/` and no `\`.
 */
const SAFE_HREF = /^(?:https?:\/\/[^/\\]|mailto:|tel:|\/(?![/\\])|#)/i
// eslint-disable-next-line no-control-regex
const WHITESPACE_OR_CONTROL = /[\s\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028\u2029\uFEFF]/

export const isSafeHref = (url: string): boolean =>
  url.length <= RICH_TEXT_LIMITS.maxUrlLength && !WHITESPACE_OR_CONTROL.test(url) && SAFE_HREF.test(url)

export const UNSAFE_LINK_MESSAGE =
  'Links may point to https://, http://, mailto:, tel:, a path on this site (/…) or an anchor (#…), or be internal links to a document.'

type UnknownRecord = Record<string, unknown>

const isRecord = (value: unknown): value is UnknownRecord => typeof value === 'object' && value !== null && !Array.isArray(value)

const LINK_TYPES = new Set(['autolink', 'link'])

/** Why one node cannot be stored, or null. Link nodes keep their target in `fields`; plain Lexical's in `url`. */
const nodeProblem = (node: UnknownRecord): null | string => {
  const fields = isRecord(node.fields) ? node.fields : undefined
  const urls = [node.url, fields?.url].filter((url) => url !== undefined && url !== null && url !== '')
  if (urls.some((url) => typeof url !== 'string' || !isSafeHref(url))) {
    return `A link's address is not allowed: ${UNSAFE_LINK_MESSAGE}`
  }
  if (!LINK_TYPES.has(String(node.type))) {
    return null
  }
  if (fields?.linkType === 'internal') {
    return isRecord(fields.doc) ? null : 'An internal link names no document.'
  }
  // A custom link (or one of unknown type) without an address would render as a link to nothing.
  return urls.length > 0 ? null : `A link has no address: ${UNSAFE_LINK_MESSAGE}`
}

/**
 * Why a Lexical editor state cannot be stored (unsafe link, too many or too deeply nested nodes,
 * not a tree of nodes), or null. One pass with its own stack: the input's shape is the sender's.
 */
export const richTextProblem = (value: unknown): null | string => {
  if (value === null || value === undefined) {
    return null
  }
  if (!isRecord(value) || !isRecord(value.root)) {
    return 'Rich text must be a Lexical editor state with a root node.'
  }
  const pending: Array<{ depth: number; node: unknown }> = [{ depth: 1, node: value.root }]
  let nodes = 0
  while (pending.length > 0) {
    const { depth, node } = pending.pop() as { depth: number; node: unknown }
    nodes += 1
    if (nodes > RICH_TEXT_LIMITS.maxNodes) {
      return `Rich text may hold at most ${RICH_TEXT_LIMITS.maxNodes} nodes.`
    }
    if (depth > RICH_TEXT_LIMITS.maxDepth) {
      return `Rich text may nest at most ${RICH_TEXT_LIMITS.maxDepth} levels deep.`
    }
    if (!isRecord(node)) {
      return 'Every rich text node must be an object.'
    }
    const problem = nodeProblem(node)
    if (problem) {
      return problem
    }
    if (node.children !== undefined) {
      if (!Array.isArray(node.children)) {
        return "A rich text node's children must be a list."
      }
      if (nodes + pending.length + node.children.length > RICH_TEXT_LIMITS.maxNodes) {
        return `Rich text may hold at most ${RICH_TEXT_LIMITS.maxNodes} nodes.`
      }
      for (const child of node.children) {
        pending.push({ depth: depth + 1, node: child })
      }
    }
  }
  return null
}
