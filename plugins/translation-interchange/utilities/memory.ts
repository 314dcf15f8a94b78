import { distance } from 'fastest-levenshtein'
import { createHash } from 'node:crypto'

import { wordsOf } from '../../shared/utilities/words'

/** An approved segment pair of the translation memory (see collections/TranslationMemory.ts). */
export type MemoryEntry = {
  /** Where the pair was used: `<collection>:<field path>`; a match in the same place scores 101. */
  context?: null | string
  id?: number | string
  origin?: null | string
  source: string
  target: string
}

export type MemoryMatch = { entry: MemoryEntry; score: number }

/** Below this a match is more distraction than help. */
export const FUZZY_THRESHOLD = 75

/** The text `similarity` compares: whitespace runs count as one space, the ends not at all. */
export const normalise = (text: string) => text.trim().replace(/\s+/g, ' ')

/**
 * How alike two source texts are, 0–100: one minus the edit distance over the longer length;
 * 100 only when they are the same text (whitespace runs aside).
 */
export const similarity = (a: string, b: string): number => {
  const left = normalise(a)
  const right = normalise(b)
  if (left === right) {
    return 100
  }
  const longest = Math.max(left.length, right.length)
  return Math.min(99, Math.floor((1 - distance(left, right) / longest) * 100))
}

/**
 * Memory matches for a source text, best first: 101 for the same text in the same context, 100 for
 * the same text, then fuzzy matches down to the threshold.
 */
export const matchMemory = (
  source: string,
  context: null | string | undefined,
  entries: MemoryEntry[],
  { limit = 5, threshold = FUZZY_THRESHOLD }: { limit?: number; threshold?: number } = {},
): MemoryMatch[] =>
  entries
    .map((entry) => {
      const score = similarity(source, entry.source)
      return { entry, score: score === 100 && context && entry.context === context ? 101 : score }
    })
    .filter((match) => match.score >= threshold)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)

/**
 * A word's key is its first letters: "victim" and "victims", "hotline" and "hotlines" share one,
 * and a typo past them keeps it. Longer prefixes tell fewer words apart from each other's plurals;
 * shorter ones make more keys common.
 */
export const KEY_PREFIX_LENGTH = 5

/**
 * Source lengths fall into bands growing by a third: a key names its entry's band, so a lookup reads
 * only the postings of entries long enough and short enough to match (a 75 % match lies within
 * three bands), and a word common in the memory as a whole can still be rare among texts of one
 * length.
 */
const LENGTH_BAND_RATIO = 4 / 3

const lengthBandOf = (length: number): number => Math.floor(Math.log(Math.max(1, length)) / Math.log(LENGTH_BAND_RATIO) + 1e-9)

/** The index fields a memory entry carries (collections/TranslationMemory.ts), set by its beforeChange hook. */
export type MemoryIndexFields = {
  /** `<target locale>:<length band>:<word prefix>`: the rare-enough ones of a segment's find its fuzzy candidates. */
  fuzzyKeys: string[]
  /** Same text (whitespace aside) between the same locales, same hash: the exact lookup. */
  sourceHash: string
}

export const sourceHashOf = (sourceLocale: string, targetLocale: string, source: string): string =>
  createHash('sha256').update(`${sourceLocale}\u0000${targetLocale}\u0000${normalise(source)}`).digest('base64url')

const wordPrefixesOf = (source: string): string[] => [...new Set(wordsOf(source).map((word) => [...word].slice(0, KEY_PREFIX_LENGTH).join('')))]

/** An entry's keys: its word prefixes in its target locale and length band (the locale keeps locales apart). */
export const memoryIndexOf = ({ source, sourceLocale, targetLocale }: { source: string; sourceLocale: string; targetLocale: string }): MemoryIndexFields => {
  const band = lengthBandOf(normalise(source).length)
  return {
    fuzzyKeys: wordPrefixesOf(source).map((prefix) => `${targetLocale}:${band}:${prefix}`),
    sourceHash: sourceHashOf(sourceLocale, targetLocale, source),
  }
}

/** A threshold far under 75 would ask for every band; past these a lookup finds only what is close in length. */
const MAX_LOOKUP_BANDS = 6

/**
 * The keys a segment looks up: its word prefixes in every length band a match of at least
 * `threshold` can have. The edit distance is at least the difference in length, so the shorter
 * text holds at least `threshold` % of the longer one's.
 */
export const lookupKeysOf = (targetLocale: string, source: string, threshold: number): string[] => {
  const length = normalise(source).length
  const shortest = threshold <= 0 ? 1 : Math.ceil((length * threshold) / 100 - 1e-9)
  const longest = threshold <= 0 ? Number.MAX_SAFE_INTEGER : Math.floor((length * 100) / Math.max(1, threshold) + 1e-9)
  const bands: number[] = []
  for (let band = lengthBandOf(shortest); band <= Math.min(lengthBandOf(longest), lengthBandOf(shortest) + MAX_LOOKUP_BANDS - 1); band++) {
    bands.push(band)
  }
  return wordPrefixesOf(source).flatMap((prefix) => bands.map((band) => `${targetLocale}:${band}:${prefix}`))
}
