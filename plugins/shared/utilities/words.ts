/**
 * Words as the plugins index and look them up: folding case and accents lets a reader type
 * "crianca" for "criança" or "sodertalje" for "Södertälje", and lets a memory entry written with
 * or without an accent share its keys with the segment being translated.
 */

/** Shorter words carry no meaning alone ("a", "de"); longer ones are not words a person types. */
const MIN_WORD_LENGTH = 2
const MAX_WORD_LENGTH = 40

/** The words of a text: letters and digits, lowercased, accents removed, in order of first use. */
export function wordsOf(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= MIN_WORD_LENGTH && word.length <= MAX_WORD_LENGTH)
  return [...new Set(words)]
}
