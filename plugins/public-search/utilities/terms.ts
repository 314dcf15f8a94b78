/**
 * Words as the index stores and the search looks them up. Folding case and accents lets a reader
 * type "crianca" for "criança" or "sodertalje" for "Södertälje"; one-deletion variants of title
 * words (the symmetric-delete method) find a title despite one typo, through plain equality lookups
 * that every database indexes.
 */

export { wordsOf } from '../../shared/utilities/words'

/** Words this short get no typo variants: one deletion of a three-letter word matches too much. */
export const MIN_TYPO_LENGTH = 4

const TITLE = 't:'
const BODY = 'b:'

/** A word with one letter left out, each way it can be: "form" gives "orm", "frm", "fom", "for". */
export function deletionsOf(word: string): string[] {
  if (word.length < MIN_TYPO_LENGTH) {
    return []
  }
  const letters = [...word]
  return [...new Set(letters.map((_, index) => [...letters.slice(0, index), ...letters.slice(index + 1)].join('')))]
}

/**
 * The keys an entry is found by: each title word and its one-deletion variants, each body word as
 * it is. Two words one edit apart share a key (the word itself or one of its deletions), so a
 * lookup with the query word's own keys finds the title.
 */
export function entryKeys(titleWords: readonly string[], bodyWords: readonly string[]): string[] {
  const keys = new Set<string>()
  for (const word of titleWords) {
    keys.add(TITLE + word)
    for (const variant of deletionsOf(word)) {
      keys.add(TITLE + variant)
    }
  }
  for (const word of bodyWords) {
    keys.add(BODY + word)
  }
  return [...keys]
}

/** What to look up for one query word: any entry holding one of these keys may match it. */
export function queryKeys(word: string): string[] {
  return [TITLE + word, ...deletionsOf(word).map((variant) => TITLE + variant), BODY + word]
}

/**
 * A word with its one-deletion variants, for a word long enough to have them: two words are at most
 * one edit apart (a letter added, left out, changed, or two swapped) exactly when theirs overlap.
 */
export const typoKeysOf = (word: string): string[] => (word.length < MIN_TYPO_LENGTH ? [] : [word, ...deletionsOf(word)])
