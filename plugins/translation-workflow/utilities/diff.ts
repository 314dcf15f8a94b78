import { isRichText, richTextToText } from '../../shared/utilities/richText'

/**
 * A readable before/after of one source field, for a translator who must see what changed under
 * a finished translation. Rich text is compared as text; other values as their JSON.
 *
 * A word-level longest-common-subsequence diff: source fields are short (titles, summaries, a few
 * paragraphs), so the quadratic table stays small; past `MAX_TOKENS` tokens on either side the diff
 * degrades to "all removed, all added", which is still correct, only coarser.
 */

export type DiffPart = { text: string; type: 'added' | 'equal' | 'removed' }

export type FieldDiff = {
  after: string
  before: string
  parts: DiffPart[]
  /** One line: unchanged text as is, removals as `[-old-]`, additions as `{+new+}`. */
  summary: string
}

export const MAX_TOKENS = 2000

/** A value as the text a translator compares. */
export const valueToText = (value: unknown): string => {
  if (value === undefined || value === null) {
    return ''
  }
  if (typeof value === 'string') {
    return value
  }
  if (isRichText(value)) {
    return richTextToText(value)
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value)
  }
  return JSON.stringify(value)
}

/** Words and the whitespace/punctuation between them, so that joining the tokens gives the text back. */
export const tokenize = (text: string): string[] => text.match(/[\p{L}\p{N}\p{M}]+|\s+|[^\p{L}\p{N}\p{M}\s]/gu) ?? []

const pushPart = (parts: DiffPart[], type: DiffPart['type'], text: string): void => {
  const last = parts[parts.length - 1]
  if (last && last.type === type) {
    last.text += text
  } else {
    parts.push({ type, text })
  }
}

const diffTokens = (before: string[], after: string[]): DiffPart[] => {
  const parts: DiffPart[] = []
  if (before.length > MAX_TOKENS || after.length > MAX_TOKENS) {
    if (before.length > 0) {
      pushPart(parts, 'removed', before.join(''))
    }
    if (after.length > 0) {
      pushPart(parts, 'added', after.join(''))
    }
    return parts
  }
  // lengths[i][j]: length of the LCS of before[i..] and after[j..].
  const rows = before.length + 1
  const columns = after.length + 1
  const lengths = new Uint32Array(rows * columns)
  for (let i = before.length - 1; i >= 0; i -= 1) {
    for (let j = after.length - 1; j >= 0; j -= 1) {
      lengths[i * columns + j] =
        before[i] === after[j]
          ? (lengths[(i + 1) * columns + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * columns + j] ?? 0, lengths[i * columns + j + 1] ?? 0)
    }
  }
  let i = 0
  let j = 0
  while (i < before.length && j < after.length) {
    const left = before[i] ?? ''
    const right = after[j] ?? ''
    if (left === right) {
      pushPart(parts, 'equal', left)
      i += 1
      j += 1
    } else if ((lengths[(i + 1) * columns + j] ?? 0) >= (lengths[i * columns + j + 1] ?? 0)) {
      pushPart(parts, 'removed', left)
      i += 1
    } else {
      pushPart(parts, 'added', right)
      j += 1
    }
  }
  for (; i < before.length; i += 1) {
    pushPart(parts, 'removed', before[i] ?? '')
  }
  for (; j < after.length; j += 1) {
    pushPart(parts, 'added', after[j] ?? '')
  }
  return parts
}

const summarise = (parts: DiffPart[]): string =>
  parts.map(({ type, text }) => (type === 'equal' ? text : type === 'removed' ? `[-${text}-]` : `{+${text}+}`)).join('')

/** The diff between two values of one field. */
export const diffValues = (beforeValue: unknown, afterValue: unknown): FieldDiff => {
  const before = valueToText(beforeValue)
  const after = valueToText(afterValue)
  const parts = diffTokens(tokenize(before), tokenize(after))
  return { after, before, parts, summary: summarise(parts) }
}
