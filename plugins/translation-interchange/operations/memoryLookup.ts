import type { PayloadRequest } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'

import { FUZZY_THRESHOLD, lookupKeysOf, matchMemory, type MemoryEntry, type MemoryMatch, sourceHashOf } from '../utilities/memory'
import { memoryIndexStore } from './memoryIndex'

/** One segment to look up: its source text and where it is used (`<collection>:<field path>`). */
export type MemoryQuery = { context?: null | string; source: string }

/**
 * A key held by this many entries (in the length range or not) is common: counting stops there, and
 * it finds candidates only for a segment with no rarer key. At 100,000 entries "the", "for" and
 * "victi(m)" are common; a hotline's name or a place is not.
 */
const COMMON_KEY_ENTRIES = 1000
/**
 * The most postings (entry × key) one segment reads: its rarest keys are taken until the next
 * would pass this. A near match shares most words, so it holds some of the rarest. These two
 * bounds are the price of a lookup: at 2,000/4,000 a translator's suggestions at 100,000 entries had
 * p95 59–60 ms, at 1,000/2,000 37–41 ms; recall of the 75–84 % band fell from 97.7 to 93.8 %, of
 * 85–94 % from 99.5 to 97.6 %, exact and 95–99 % stayed 100 % (README, "Translation memory").
 */
const POSTINGS_PER_SEGMENT = 2000
/**
 * Candidates scored with the edit distance per segment, those sharing the most keys first, a rare
 * key counting for more than a common one (inverse frequency): among a hundred entries made from
 * the same sentence, the one that also shares its rarest word comes first.
 */
const CANDIDATES_PER_SEGMENT = 200
/** A segment of common words only is looked up by the entries holding its two rarest keys both. */
const COMMON_KEYS_TOGETHER = 2

type Id = number | string

/** The keys a segment looks up: its rarest, up to the postings budget (none when it has no word in the memory). */
const chooseKeys = (keys: string[], frequencies: Map<string, number>): { common: boolean; keys: string[] } => {
  const present = keys.map((key) => ({ key, postings: frequencies.get(key) ?? 0 })).filter(({ postings }) => postings > 0)
  present.sort((a, b) => a.postings - b.postings || a.key.localeCompare(b.key))
  const chosen: string[] = []
  let postings = 0
  for (const key of present) {
    if (key.postings >= COMMON_KEY_ENTRIES || postings + key.postings > POSTINGS_PER_SEGMENT) {
      break
    }
    chosen.push(key.key)
    postings += key.postings
  }
  return chosen.length > 0 || present.length === 0
    ? { common: false, keys: chosen }
    : { common: true, keys: present.slice(0, COMMON_KEYS_TOGETHER).map(({ key }) => key) }
}

/** The candidates sharing the most keys, at most {@link CANDIDATES_PER_SEGMENT}. */
const bestCandidates = (shared: Map<Id, number>): Id[] =>
  [...shared.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, CANDIDATES_PER_SEGMENT)
    .map(([id]) => id)

/**
 * Memory matches of many segments of one locale, in the order asked, each best first (101 same
 * text and place, 100 same text, fuzzy down to the threshold). The one way the plugin's parts
 * (suggestions, leverage analysis, pre-translation) ask the memory. Read as the system: callers
 * have checked that the user is an editor or translates into the locale.
 *
 * Through the index, never the whole memory (README, "How lookups work"): exact matches by the
 * source hash, always; fuzzy candidates by the segment's rarest word keys within the length a
 * match can have, the best few hundred scored with the edit distance. A whole batch costs a few
 * statements per few hundred segments, plus one per segment made of common words only.
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
  const store = await memoryIndexStore(req, options.slugs.memory)
  const segments = queries.map((query) => ({
    hash: sourceHashOf(options.sourceLocale, locale, query.source),
    keys: lookupKeysOf(locale, query.source, threshold),
  }))
  const exact = new Map<string, Id[]>()
  for (const { id, sourceHash } of await store.byHash([...new Set(segments.map(({ hash }) => hash))])) {
    exact.set(sourceHash, [...(exact.get(sourceHash) ?? []), id])
  }
  const frequencies = await store.frequencies([...new Set(segments.flatMap(({ keys }) => keys))], COMMON_KEY_ENTRIES)
  const lookups = segments.map(({ keys }) => chooseKeys(keys, frequencies))
  const rare = lookups.map((lookup, index) => ({ index, lookup })).filter(({ lookup }) => !lookup.common && lookup.keys.length > 0)
  const candidates: Id[][] = segments.map(() => [])
  const sharing = await store.sharing(rare.map(({ lookup }) => lookup.keys.map((key) => ({ key, weight: 1 / (frequencies.get(key) ?? 1) }))))
  rare.forEach(({ index }, position) => {
    candidates[index] = bestCandidates(sharing[position] ?? new Map())
  })
  for (const [index, lookup] of lookups.entries()) {
    if (lookup.common) {
      candidates[index] = await store.holdingAll(lookup.keys, CANDIDATES_PER_SEGMENT)
    }
  }
  const wanted = [...new Set(segments.flatMap(({ hash }, index) => [...(exact.get(hash) ?? []), ...(candidates[index] ?? [])]))]
  const byId = new Map<string, MemoryEntry>()
  for (const entry of await store.entries(wanted, { sourceLocale: options.sourceLocale, targetLocale: locale })) {
    byId.set(String(entry.id), entry)
  }
  return queries.map((query, index) => {
    const ids = new Set([...(exact.get(segments[index]?.hash ?? '') ?? []), ...(candidates[index] ?? [])].map(String))
    const entries = [...ids].flatMap((id) => byId.get(id) ?? [])
    return matchMemory(query.source, query.context, entries, { limit, threshold })
  })
}
