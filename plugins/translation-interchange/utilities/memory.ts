import { distance } from 'fastest-levenshtein'

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

const normalise = (text: string) => text.trim().replace(/\s+/g, ' ')

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
