import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import { combineQueries, executeAccess } from 'payload'

import type { SearchHit, SearchResult } from '../types'
import type { ParsedSearch } from '../utilities/searchArgs'

import { letOthersIn } from '../utilities/letOthersIn'
import { queryKeys, typoKeysOf, wordsOf } from '../utilities/terms'
import { type MatchedEntry, matchEntries } from './matchEntries'

type Entry = MatchedEntry

/**
 * Title words count three, a title word one typo away two, a body word one; a title holding every
 * word gains two more, and the reader's own locale wins a tie over the fallback's text. The query's
 * typo keys are worked out once for all the candidates (up to 500 per search).
 */
export function scorer(words: readonly string[], locale: string): (entry: Pick<Entry, 'locale' | 'title'>) => number {
  const typoKeys = words.map(typoKeysOf)
  return (entry) => {
    const titleWords = wordsOf(entry.title ?? '')
    const exact = new Set(titleWords)
    const nearby = new Set(titleWords.flatMap(typoKeysOf))
    let score = 0
    let inTitle = 0
    for (const [index, word] of words.entries()) {
      if (exact.has(word)) {
        score += 3
        inTitle += 1
      } else if (typoKeys[index]!.some((key) => nearby.has(key))) {
        score += 2
        inTitle += 1
      } else {
        score += 1
      }
    }
    return score + (inTitle === words.length ? 2 : 0) + (entry.locale === locale ? 0.5 : 0)
  }
}

/** Entries matching every word, in the locale asked for or the fallback's, the best `maxCandidates` of them to rank. */
async function candidates(req: PayloadRequest, entriesSlug: string, search: ParsedSearch, maxCandidates: number) {
  const entries = await matchEntries(req, entriesSlug, {
    collections: search.collections,
    limit: maxCandidates + 1,
    locales: search.fallbackLocale ? [search.locale, search.fallbackLocale] : [search.locale],
    // Longest word first: the count before the match looks it up alone, and it matches fewest entries.
    wordKeys: [...search.words].sort((a, b) => b.length - a.length).map(queryKeys),
  })
  return { entries: entries.slice(0, maxCandidates), truncated: entries.length > maxCandidates }
}

/**
 * One entry per document: the reader's locale where the document has text of its own in it, the
 * fallback's only where it has none (a translated document whose translation does not match is no
 * hit, even if its English does).
 */
async function perDocument(req: PayloadRequest, entriesSlug: string, entries: Entry[], search: ParsedSearch): Promise<Entry[]> {
  const own = new Map(entries.filter((entry) => entry.locale === search.locale).map((entry) => [entry.doc, entry]))
  const fallbackOnly = entries.filter((entry) => entry.locale !== search.locale && !own.has(entry.doc))
  const translated = new Set<string>()
  if (fallbackOnly.length > 0) {
    const { docs } = await req.payload.db.find({
      collection: entriesSlug as CollectionSlug,
      pagination: false,
      req,
      select: { doc: true } as never,
      where: { and: [{ locale: { equals: search.locale } }, { doc: { in: fallbackOnly.map(({ doc }) => doc) } }] },
    })
    for (const { doc } of docs as unknown as Entry[]) {
      translated.add(doc)
    }
  }
  return [...own.values(), ...fallbackOnly.filter(({ doc }) => !translated.has(doc))]
}

/**
 * The hits the reader may read, decided by each collection's own read access with the reader's
 * request, as Payload's find decides it (drafts, a phase not yet approved, an internal report, an
 * API key's scopes all live in those access functions), so the index never has to know who may
 * read what. Only ids are read, through the adapter: Payload's full find would shape and run the
 * afterRead hooks of every candidate (a third of a search's time at 1k documents). A collection
 * the reader may not read at all (an API key without its scope) has no hits for them.
 */
async function readable(req: PayloadRequest, entries: Entry[], search: ParsedSearch): Promise<Set<string>> {
  const numericIds = req.payload.db.defaultIDType === 'number'
  const allowed = new Set<string>()
  for (const collection of search.collections) {
    const ids = entries.filter((entry) => entry.collection === collection).map(({ docId }) => (numericIds ? Number(docId) : docId))
    if (ids.length === 0) {
      continue
    }
    const config = req.payload.collections[collection as CollectionSlug].config
    const access = await executeAccess({ disableErrors: true, req }, config.access.read)
    if (access === false) {
      continue
    }
    const where: Where = config.trash ? { and: [{ id: { in: ids } }, { deletedAt: { exists: false } }] } : { id: { in: ids } }
    const { docs } = await req.payload.db.find({
      collection: collection as CollectionSlug,
      limit: ids.length,
      pagination: false,
      req,
      select: { id: true } as never,
      where: combineQueries(where, access),
    })
    for (const { id } of docs) {
      allowed.add(`${collection}:${id}`)
    }
    await letOthersIn()
  }
  return allowed
}

export async function search(req: PayloadRequest, entriesSlug: string, parsed: ParsedSearch, maxCandidates: number): Promise<SearchResult> {
  const { entries, truncated } = await candidates(req, entriesSlug, parsed, maxCandidates)
  await letOthersIn()
  const documents = await perDocument(req, entriesSlug, entries, parsed)
  const allowed = await readable(req, documents, parsed)
  const scoreOf = scorer(parsed.words, parsed.locale)
  const ranked = documents
    .filter((entry) => allowed.has(entry.doc))
    .map((entry) => ({ entry, score: scoreOf(entry) }))
    .sort((a, b) => b.score - a.score || (a.entry.title ?? '').localeCompare(b.entry.title ?? '', parsed.locale) || a.entry.doc.localeCompare(b.entry.doc))
  const start = (parsed.page - 1) * parsed.limit
  const numericIds = req.payload.db.defaultIDType === 'number'
  const docs: SearchHit[] = ranked.slice(start, start + parsed.limit).map(({ entry, score }) => ({
    id: numericIds ? Number(entry.docId) : entry.docId,
    collection: entry.collection,
    locale: entry.locale,
    score,
    snippet: entry.snippet ?? '',
    title: entry.title ?? '',
  }))
  const totalPages = Math.ceil(ranked.length / parsed.limit)
  return {
    docs,
    hasNextPage: parsed.page < totalPages,
    hasPrevPage: parsed.page > 1,
    limit: parsed.limit,
    page: parsed.page,
    totalDocs: ranked.length,
    totalPages,
    truncated,
  }
}
