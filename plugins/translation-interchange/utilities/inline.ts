import { isRichText } from '../../translation-workflow/utilities/richText'

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
  const visit = (node: LexicalNode) => {
    for (const child of childrenOf(node)) {
      if (!Array.isArray(child.children)) {
        continue
      }
      if (isTextBlock(child)) {
        blocks.push(child)
      } else {
        visit(child)
      }
    }
  }
  visit(root)
  return blocks
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
  const inlineOf = (nodes: LexicalNode[]): Inline[] =>
    nodes.map((node): Inline => {
      if (node.type === 'text') {
        const text = typeof node.text === 'string' ? node.text : ''
        if (isPlainText(node)) {
          return text
        }
        const id = nextId('f')
        tags.set(id, { id, kind: 'pc', node: withoutContent(node), role: 'format' })
        return { id, children: [text], kind: 'pc' }
      }
      if (INLINE_ELEMENT_TYPES.has(String(node.type)) && Array.isArray(node.children)) {
        const id = nextId('l')
        tags.set(id, { id, kind: 'pc', node: withoutContent(node), role: 'link' })
        return { id, children: inlineOf(childrenOf(node)), kind: 'pc' }
      }
      const role: TagRole = node.type === 'linebreak' ? 'break' : node.type === 'tab' ? 'tab' : 'node'
      const id = nextId('n')
      tags.set(id, { id, kind: 'ph', node, role })
      return { id, kind: 'ph' }
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

/** Joins neighbouring strings, drops empty ones: the canonical form both sides are compared in. */
export const mergeText = (content: Inline[]): Inline[] => {
  const out: Inline[] = []
  for (const item of content) {
    if (typeof item === 'string') {
      if (item === '') {
        continue
      }
      const last = out.at(-1)
      if (typeof last === 'string') {
        out[out.length - 1] = last + item
        continue
      }
      out.push(item)
    } else {
      out.push(item.kind === 'pc' ? { ...item, children: mergeText(item.children) } : item)
    }
  }
  return out
}

/** The text a reader sees, tags dropped and block placeholders as line breaks (for QA, TM and MT). */
export const plainText = (content: Inline[]): string =>
  content.map((item) => (typeof item === 'string' ? item : item.kind === 'pc' ? plainText(item.children) : '\n')).join('')

/** Every tag id in the content, in order of appearance. */
export const tagIdsOf = (content: Inline[]): string[] =>
  content.flatMap((item) => (typeof item === 'string' ? [] : item.kind === 'pc' ? [item.id, ...tagIdsOf(item.children)] : [item.id]))

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
  const kindOf = (content: Inline[]): null | string => {
    for (const item of content) {
      if (typeof item === 'string') {
        continue
      }
      if (source.tags.get(item.id)?.kind !== item.kind) {
        return `tag "${item.id}" changed from ${source.tags.get(item.id)?.kind} to ${item.kind}`
      }
      if (item.kind === 'pc') {
        const nested = kindOf(item.children)
        if (nested) {
          return nested
        }
        if (tagIdsOf(item.children).some((id) => source.tags.get(id)?.role === 'block')) {
          return `paragraph break inside tag "${item.id}"`
        }
      }
    }
    return null
  }
  const wrongKind = kindOf(target)
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
  const build = (content: Inline[], template: LexicalNode | undefined, extraFormat: number): LexicalNode[] =>
    content.flatMap((item): LexicalNode[] => {
      if (typeof item === 'string') {
        return [textNode(item, template, extraFormat)]
      }
      const definition = source.tags.get(item.id) as TagDefinition
      if (item.kind === 'ph') {
        return definition.node ? [structuredClone(definition.node)] : []
      }
      if (definition.role === 'link') {
        return [{ ...structuredClone(definition.node as LexicalNode), children: build(item.children, template, extraFormat) }]
      }
      // A format nested in another keeps the inner node's attributes and both formats.
      return build(item.children, definition.node, template ? Number(template.format ?? 0) | extraFormat : extraFormat)
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
    block.children = build(pieces[index] ?? [], undefined, 0)
  })
  return value
}
