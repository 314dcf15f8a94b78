import type { PayloadRequest } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'

import { FUZZY_THRESHOLD, matchMemory, type MemoryMatch } from '../utilities/memory'
import { readMemory } from './documents'

/** One segment to look up: its source text and where it is used (`<collection>:<field path>`). */
export type MemoryQuery = { context?: null | string; source: string }

/**
 * Memory matches of many segments of one locale, in the order asked, each best first (101 same
 * text and place, 100 same text, fuzzy down to the threshold). The one way the plugin's parts
 * (suggestions, leverage analysis, pre-translation) ask the memory. Read as the system: callers
 * have checked that the user is an editor or translates into the locale.
 */
export const lookupMemory = async (
  options: ResolvedTranslationInterchangeOptions,
  req: PayloadRequest,
  locale: string,
  queries: MemoryQuery[],
  { limit = 5, threshold = FUZZY_THRESHOLD }: { limit?: number; threshold?: number } = {},
): Promise<MemoryMatch[][]> => {
  if (queries.length === 0) {
    return []
  }
  const memory = await readMemory(options, req, locale)
  return queries.map((query) => matchMemory(query.source, query.context, memory, { limit, threshold }))
}
