import { isRichText, richTextToText } from '../../shared/utilities/richText'

/**
 * A word: letters (with their combining marks, digits, apostrophes and hyphens inside), or a run
 * of digits. Unicode-aware so that "Română" or "Shqipëri" count as one word each.
 */
const WORD = /[\p{L}\p{N}]+(?:[\p{M}'’\-.][\p{L}\p{N}\p{M}]+)*/gu

/** Words in one plain text. */
export const countWords = (text: string): number => text.match(WORD)?.length ?? 0

/**
 * Words a translator must translate in a value: strings and rich text (as text), recursively
 * through arrays and objects (array rows, groups, blocks). Numbers, booleans, ids and keys do not
 * count.
 */
export const countWordsInValue = (value: unknown): number => {
  if (typeof value === 'string') {
    return countWords(value)
  }
  if (isRichText(value)) {
    return countWords(richTextToText(value))
  }
  if (Array.isArray(value)) {
    return value.reduce<number>((sum, item) => sum + countWordsInValue(item), 0)
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).reduce<number>(
      (sum, [key, item]) => (key === 'id' || key === 'blockType' ? sum : sum + countWordsInValue(item)),
      0,
    )
  }
  return 0
}
