/**
 * Lexical rich text as plain text, so that fingerprints, diffs and word counts look at what a
 * reader reads and not at editor state (formats, node keys, versions).
 */

type UnknownRecord = Record<string, unknown>

const isRecord = (value: unknown): value is UnknownRecord => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Node types whose content ends a line of text. */
const BLOCK_NODE_TYPES = new Set(['heading', 'listitem', 'paragraph', 'quote', 'code', 'tablecell'])

/** True for a Lexical editor state as Payload stores it: `{ root: { children: [...] } }`. */
export const isRichText = (value: unknown): value is { root: UnknownRecord } =>
  isRecord(value) && isRecord(value.root) && Array.isArray(value.root.children)

const nodeText = (node: unknown): string => {
  if (!isRecord(node)) {
    return ''
  }
  if (node.type === 'linebreak') {
    return '\n'
  }
  if (node.type === 'tab') {
    return '\t'
  }
  if (typeof node.text === 'string') {
    return node.text
  }
  const children = Array.isArray(node.children) ? node.children.map(nodeText).join('') : ''
  return typeof node.type === 'string' && BLOCK_NODE_TYPES.has(node.type) ? `${children}\n` : children
}

/** The text of a Lexical editor state, one line per block, without trailing blank lines. */
export const richTextToText = (value: unknown): string => {
  if (!isRichText(value)) {
    return ''
  }
  return nodeText(value.root).replace(/\n+$/, '')
}
