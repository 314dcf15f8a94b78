import { isRichText } from '../../translation-workflow'

/**
 * A translatable value as XLIFF sees it: text with inline tags. Plain text fields are one string.
 * Lexical rich text is flattened: each text-bearing block (paragraph, heading, list item…) in order,
 * separated by a block placeholder; formatted text runs and links become paired tags, line breaks,
 * tabs and other inline nodes become placeholders. Tag ids are given in document order, so the same
 * source always yields the same ids; the tags' meaning (which format, which link) stays on the
 * server, taken from the source again on import, so a translator can move tags but not invent them.
 */

export type Inline = InlinePaired | InlinePlaceholder | string
export type InlinePaired = { children: Inline[]; id: string; kind: 'pc' }
export type InlinePlaceholder = { id: string; kind: 'ph' }

type LexicalNode = Record<string, unknown> & { children?: LexicalNode[]; type?: string }

/** What a tag stands for; `node` is the Lexical node it came from (children and text removed). */
export type TagRole = 'block' | 'break' | 'format' | 'link' | 'node' | 'tab'
export type TagDefinition = { id: string; kind: 'pc' | 'ph'; node?: LexicalNode; role: TagRole }

export type Flattened = { content: Inline[]; tags: Map<string, TagDefinition> }

const INLINE_ELEMENT_TYPES = new Set(['autolink', 'link'])
const PLAIN_TEXT = { detail: 0, format: 0, mode: 'normal', style: '' }

/** Lexical text format bits (lexical/LexicalConstants). */
export const TEXT_FORMAT = { bold: 1, code: 16, italic: 2, strikethrough: 4, underline: 8 } as const

const isRecord = (value: unknown): value is LexicalNode => typeof value === 'object' && value !== null && !Array.isArray(value)

const childrenOf = (node: LexicalNode): LexicalNode[] => (Array.isArray(node.children) ? node.children.filter(isRecord) : [])

const isInlineNode = (node: LexicalNode): boolean =>
  node.type === 'text' ||
  node.type === 'linebreak' ||
  node.type === 'tab' ||
  INLINE_ELEMENT_TYPES.has(String(node.type)) ||
  !Array.isArray(node.children)

/** An element whose children are all inline: its children are one stretch of translatable text. */
const isTextBlock = (node: LexicalNode): boolean => Array.isArray(node.children) && childrenOf(node).every(isInlineNode)

/** The text-bearing blocks of a rich text value, in document order (nested lists included). */
export const textBlocksOf = (root: LexicalNode): LexicalNode[] => {
  const blocks: LexicalNode[] = []
  // Reversed onto the stack, so nodes come off it in document order.
  const pending = childrenOf(root).reverse()
  while (pending.length > 0) {
    const node = pending.pop() as LexicalNode
    if (!Array.isArray(node.children)) {
      continue
    }
    if (isTextBlock(node)) {
      blocks.push(node)
    } else {
      pending.push(...childrenOf(node).reverse())
    }
  }
  return blocks
}

/**
 * Rebuilds an inline tree bottom-up with its own stack (every walk over inline content goes through
 * here, none recurses): `leaf` maps text and placeholders, `paired` a paired tag once its children
 * are mapped, with the context `enter` derived for it from its ancestors'.
 */
export const foldInline = <T, C = undefined>(
  content: Inline[],
  visit: {
    context?: C
    enter?: (item: InlinePaired, context: C) => C
    leaf: (item: InlinePlaceholder | string, context: C) => T[]
    paired: (item: InlinePaired, children: T[], context: C) => T[]
  },
): T[] => {
  type Frame = { context: C; index: number; items: Inline[]; out: T[]; outer?: C; tag?: InlinePaired }
  const root: Frame = { context: visit.context as C, index: 0, items: content, out: [] }
  const stack: Frame[] = [root]
  const append = (into: T[], values: T[]) => {
    for (const value of values) {
      into.push(value)
    }
  }
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]
    if (frame.index < frame.items.length) {
      const item = frame.items[frame.index]
      frame.index += 1
      if (typeof item !== 'string' && item.kind === 'pc') {
        const context = visit.enter ? visit.enter(item, frame.context) : frame.context
        stack.push({ context, index: 0, items: item.children, out: [], outer: frame.context, tag: item })
      } else {
        append(frame.out, visit.leaf(item, frame.context))
      }
      continue
    }
    stack.pop()
    if (frame.tag) {
      append(stack[stack.length - 1].out, visit.paired(frame.tag, frame.out, frame.outer as C))
    }
  }
  return root.out
}

/**
 * Builds inline content from a tree (Lexical nodes, XML elements) top-down with its own stack, in
 * document order, however deep the tree: `place` appends what a node becomes to `into` and returns
 * the children to read next with the list their content goes into, or nothing for a leaf.
 */
export const buildInline = <N>(
  nodes: N[],
  place: (node: N, into: Inline[]) => undefined | { children: N[]; into: Inline[] },
): Inline[] => {
  const content: Inline[] = []
  const pending: Array<{ index: number; into: Inline[]; nodes: N[] }> = [{ index: 0, into: content, nodes }]
  while (pending.length > 0) {
    const frame = pending[pending.length - 1]
    if (frame.index >= frame.nodes.length) {
      pending.pop()
      continue
    }
    const node = frame.nodes[frame.index]
    frame.index += 1
    const descend = place(node, frame.into)
    if (descend) {
      pending.push({ index: 0, into: descend.into, nodes: descend.children })
    }
  }
  return content
}

const isPlainText = (node: LexicalNode): boolean =>
  (node.format ?? 0) === 0 && (node.style ?? '') === '' && (node.detail ?? 0) === 0 && (node.mode ?? 'normal') === 'normal'

const withoutContent = (node: LexicalNode): LexicalNode => {
  const { children: _children, text: _text, ...rest } = node
  return rest
}

/** Flattens a Lexical editor state; a plain string is returned as it is. */
export const flatten = (value: unknown): Flattened => {
  const tags = new Map<string, TagDefinition>()
  if (!isRichText(value)) {
    return { content: typeof value === 'string' && value !== '' ? [value] : [], tags }
  }
  const counters: Record<string, number> = {}
  const nextId = (prefix: string) => {
    counters[prefix] = (counters[prefix] ?? 0) + 1
    return `${prefix}${counters[prefix]}`
  }
  // Ids in document order: a tag's id is taken when it is reached, before its children's.
  const inlineOf = (nodes: LexicalNode[]): Inline[] =>
    buildInline(nodes, (node, into) => {
      if (node.type === 'text') {
        const text = typeof node.text === 'string' ? node.text : ''
        if (isPlainText(node)) {
          into.push(text)
          return
        }
        const id = nextId('f')
        tags.set(id, { id, kind: 'pc', node: withoutContent(node), role: 'format' })
        into.push({ id, children: [text], kind: 'pc' })
      } else if (INLINE_ELEMENT_TYPES.has(String(node.type)) && Array.isArray(node.children)) {
        const id = nextId('l')
        tags.set(id, { id, kind: 'pc', node: withoutContent(node), role: 'link' })
        const tag: InlinePaired = { id, children: [], kind: 'pc' }
        into.push(tag)
        return { children: childrenOf(node), into: tag.children }
      } else {
        const role: TagRole = node.type === 'linebreak' ? 'break' : node.type === 'tab' ? 'tab' : 'node'
        const id = nextId('n')
        tags.set(id, { id, kind: 'ph', node, role })
        into.push({ id, kind: 'ph' })
      }
    })
  const content: Inline[] = []
  textBlocksOf(value.root as LexicalNode).forEach((block, index) => {
    if (index > 0) {
      const id = nextId('b')
      tags.set(id, { id, kind: 'ph', role: 'block' })
      content.push({ id, kind: 'ph' })
    }
    content.push(...inlineOf(childrenOf(block)))
  })
  return { content: mergeText(content), tags }
}

/** Joins neighbouring strings of one level, drops empty ones. */
const joinStrings = (content: Inline[]): Inline[] => {
  const out: Inline[] = []
  for (const item of content) {
    const last = out.at(-1)
    if (item === '') {
      continue
    }
    if (typeof item === 'string' && typeof last === 'string') {
      out[out.length - 1] = last + item
    } else {
      out.push(item)
    }
  }
  return out
}

/** Joins neighbouring strings, drops empty ones, at every level: the canonical form both sides are compared in. */
export const mergeText = (content: Inline[]): Inline[] =>
  joinStrings(
    foldInline<Inline>(content, {
      leaf: (item) => [item],
      paired: (item, children) => [{ ...item, children: joinStrings(children) }],
    }),
  )

/** The text a reader sees, tags dropped and block placeholders as line breaks (for QA, TM and MT). */
export const plainText = (content: Inline[]): string =>
  foldInline<string>(content, {
    leaf: (item) => [typeof item === 'string' ? item : '\n'],
    paired: (_, children) => [children.join('')],
  }).join('')

/** Every tag id in the content, in order of appearance. */
export const tagIdsOf = (content: Inline[]): string[] =>
  foldInline<string>(content, {
    leaf: (item) => (typeof item === 'string' ? [] : [item.id]),
    paired: (item, children) => [item.id, ...children],
  })

/**
 * Why a target's tags cannot be restored against its source's, or null: each source tag exactly
 * once, with its own kind, block placeholders at the top level and in their order.
 */
export const tagMismatch = (source: Flattened, target: Inline[]): null | string => {
  const used = tagIdsOf(target)
  const seen = new Set<string>()
  for (const id of used) {
    const definition = source.tags.get(id)
    if (!definition) {
      return `tag "${id}" is not in the source`
    }
    if (seen.has(id)) {
      return `tag "${id}" appears twice`
    }
    seen.add(id)
  }
  const missing = [...source.tags.keys()].filter((id) => !seen.has(id))
  if (missing.length > 0) {
    return `tag${missing.length > 1 ? 's' : ''} ${missing.map((id) => `"${id}"`).join(', ')} missing`
  }
  // Problems in document order (a tag's own before its content's); a block placeholder is marked
  // (null) so that the paired tag around it can say so.
  const BLOCK = null
  const kindProblems = foldInline<null | string>(target, {
    leaf: (item) => {
      if (typeof item === 'string') {
        return []
      }
      const definition = source.tags.get(item.id)
      return [
        ...(definition?.kind !== item.kind ? [`tag "${item.id}" changed from ${definition?.kind} to ${item.kind}`] : []),
        ...(definition?.role === 'block' ? [BLOCK] : []),
      ]
    },
    paired: (item, children) => {
      const own = source.tags.get(item.id)?.kind !== item.kind ? [`tag "${item.id}" changed from ${source.tags.get(item.id)?.kind} to ${item.kind}`] : []
      const inner = children.filter((child): child is string => typeof child === 'string')
      const holdsBlock = children.includes(BLOCK)
      return [...own, ...inner, ...(holdsBlock ? [`paragraph break inside tag "${item.id}"`, BLOCK] : [])]
    },
  })
  const wrongKind = kindProblems.find((problem): problem is string => typeof problem === 'string')
  if (wrongKind) {
    return wrongKind
  }
  const blocks = target.filter(
    (item): item is InlinePlaceholder => typeof item !== 'string' && item.kind === 'ph' && source.tags.get(item.id)?.role === 'block',
  )
  const sourceBlocks = [...source.tags.values()].filter((tag) => tag.role === 'block').map((tag) => tag.id)
  if (blocks.map((block) => block.id).join() !== sourceBlocks.join()) {
    return 'paragraph breaks are out of order'
  }
  return null
}

const textNode = (text: string, template: LexicalNode | undefined, extraFormat: number): LexicalNode => {
  const base = template ?? { ...PLAIN_TEXT, type: 'text', version: 1 }
  const format = Number(base.format ?? 0) | extraFormat
  return { ...base, format, text }
}

/**
 * The target as a value for the field: a string for plain fields; for rich text, the source's
 * structure with each text block's children rebuilt from the target. Call only when `tagMismatch`
 * found nothing.
 */
export const restore = (sourceValue: unknown, source: Flattened, target: Inline[]): unknown => {
  if (!isRichText(sourceValue)) {
    return plainText(target)
  }
  type Formatting = { extraFormat: number; template: LexicalNode | undefined }
  const build = (content: Inline[]): LexicalNode[] =>
    foldInline<LexicalNode, Formatting>(content, {
      context: { extraFormat: 0, template: undefined },
      // A format nested in another keeps the inner node's attributes and both formats.
      enter: (item, { extraFormat, template }) => {
        const definition = source.tags.get(item.id) as TagDefinition
        return definition.role === 'link'
          ? { extraFormat, template }
          : { extraFormat: template ? Number(template.format ?? 0) | extraFormat : extraFormat, template: definition.node }
      },
      leaf: (item, { extraFormat, template }) => {
        if (typeof item === 'string') {
          return [textNode(item, template, extraFormat)]
        }
        const definition = source.tags.get(item.id) as TagDefinition
        return definition.node ? [structuredClone(definition.node)] : []
      },
      paired: (item, children) => {
        const definition = source.tags.get(item.id) as TagDefinition
        return definition.role === 'link' ? [{ ...structuredClone(definition.node as LexicalNode), children }] : children
      },
    })
  const pieces: Inline[][] = [[]]
  for (const item of target) {
    if (typeof item !== 'string' && item.kind === 'ph' && source.tags.get(item.id)?.role === 'block') {
      pieces.push([])
    } else {
      pieces[pieces.length - 1].push(item)
    }
  }
  const value = structuredClone(sourceValue) as { root: LexicalNode }
  textBlocksOf(value.root).forEach((block, index) => {
    block.children = build(pieces[index] ?? [])
  })
  return value
}

/**
 * Where each link of flattened rich text leads, in order: its URL, or `<collection>/<id>` for a
 * link to a document of the CMS. What the link-targets QA check compares (the tags themselves only
 * say that a link is there).
 */
export const linkTargetsOf = (flat: Flattened): string[] =>
  [...flat.tags.values()].flatMap((tag) => {
    if (tag.role !== 'link') {
      return []
    }
    const fields = (tag.node?.fields ?? {}) as { doc?: { relationTo?: string; value?: unknown } | null; linkType?: string; url?: string }
    if (fields.linkType === 'internal' && fields.doc) {
      const value = fields.doc.value
      const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value
      return [`${fields.doc.relationTo}/${String(id)}`]
    }
    return [typeof fields.url === 'string' ? fields.url : '']
  })
