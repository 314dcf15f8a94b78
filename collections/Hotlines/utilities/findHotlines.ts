/**
 * The hotline finder's search, shared by `GET /api/hotlines/find` and GraphQL `FindHotlines`.
 *
 * Every read goes through `payload.find` with the caller's request and `overrideAccess: false`, so
 * published-only, staff-only fields and API-key scopes hold exactly as for `GET /api/hotlines`.
 * Published documents only, for staff too: this is the public directory, not a preview.
 *
 * Two reads: first the candidates the database can filter (country, audience, language, free),
 * with just their names and hours, at most FINDER.maxCandidates; then open-now, the name match and
 * the order are worked out in code, and the one page asked for is read in full.
 */
import type { PayloadRequest, Where } from 'payload'

import type { FinderQuery } from './finderQuery'

import { QueryRefusedError } from '../../../plugins/delivery-api'
import { FINDER, FINDER_ERRORS } from '../constants'
import { nameMatches } from './nameMatches'
import { type Availability, openNow } from './openNow'

export type FoundHotline = Record<string, unknown> & { id: number | string; nextChangeAt: null | string; openNow: boolean }

/** Payload's page shape (docs, totalDocs, page…), plus the instant open-now was judged at. */
export type FinderAnswer = {
  at: string
  docs: FoundHotline[]
  hasNextPage: boolean
  hasPrevPage: boolean
  limit: number
  nextPage: null | number
  page: number
  pagingCounter: number
  prevPage: null | number
  totalDocs: number
  totalPages: number
}

type Candidate = { availability?: Availability | null; id: number | string; name?: null | string }

/** What the database can filter; the EU-wide numbers come with any national country unless asked not to. */
export function finderWhere(query: FinderQuery): Where {
  const and: Where[] = [{ _status: { equals: 'published' } }]
  if (query.country) {
    and.push({ country: query.includeEU && query.country !== 'EU' ? { in: [query.country, 'EU'] } : { equals: query.country } })
  }
  if (query.audience) {
    and.push({ audiences: { in: [query.audience] } })
  }
  if (query.language) {
    and.push({ languages: { in: [query.language] } })
  }
  if (query.free) {
    and.push({ freeOfCharge: { equals: true } })
  }
  return { and }
}

async function readCandidates(req: PayloadRequest, query: FinderQuery): Promise<Candidate[]> {
  const candidates: Candidate[] = []
  for (let page = 1; ; page += 1) {
    const result = await req.payload.find({
      collection: 'hotlines',
      depth: 0,
      fallbackLocale: (query.fallbackLocale ?? undefined) as never,
      limit: FINDER.candidatePageSize,
      locale: query.locale as never,
      overrideAccess: false,
      page,
      req,
      select: { name: true, availability: true },
      // The published-list index's order: pages follow it without sorting the table.
      sort: 'createdAt',
      where: finderWhere(query),
    })
    if (result.totalDocs > FINDER.maxCandidates) {
      throw new QueryRefusedError(FINDER_ERRORS.tooManyCandidates(result.totalDocs))
    }
    candidates.push(...(result.docs as unknown as Candidate[]))
    if (!result.hasNextPage) {
      return candidates
    }
  }
}

/** Open ones first (a person in need can call them now), then by name as the reader's language sorts it, then by id. */
function inFinderOrder(locale: string | undefined) {
  const collator = new Intl.Collator(locale ?? 'en', { numeric: true, sensitivity: 'base' })
  return (a: { candidate: Candidate; open: boolean }, b: { candidate: Candidate; open: boolean }) =>
    Number(b.open) - Number(a.open) ||
    collator.compare(a.candidate.name ?? '', b.candidate.name ?? '') ||
    String(a.candidate.id).localeCompare(String(b.candidate.id), 'en', { numeric: true })
}

export async function findHotlines(req: PayloadRequest, query: FinderQuery): Promise<FinderAnswer> {
  const judged = (await readCandidates(req, query))
    .filter((candidate) => !query.q || nameMatches(candidate.name, query.q))
    .map((candidate) => ({ candidate, open: openNow(candidate.availability, query.at).open }))
    .filter(({ open }) => !query.openNow || open)
    .sort(inFinderOrder(query.locale))
  const totalDocs = judged.length
  const totalPages = Math.max(1, Math.ceil(totalDocs / query.limit))
  if (query.page > totalPages) {
    throw new QueryRefusedError(FINDER_ERRORS.beyondLastPage(query.page, totalPages))
  }
  const ids = judged.slice((query.page - 1) * query.limit, query.page * query.limit).map(({ candidate }) => candidate.id)
  const full = ids.length
    ? await req.payload.find({
        collection: 'hotlines',
        depth: 0,
        fallbackLocale: (query.fallbackLocale ?? undefined) as never,
        limit: ids.length,
        locale: query.locale as never,
        overrideAccess: false,
        req,
        where: { and: [{ _status: { equals: 'published' } }, { id: { in: ids } }] },
      })
    : { docs: [] }
  const byId = new Map(full.docs.map((doc) => [String(doc.id), doc as unknown as Record<string, unknown>]))
  const docs = ids.flatMap((id) => {
    // Unpublished or deleted between the two reads: left out rather than shown from the first.
    const doc = byId.get(String(id))
    if (!doc) {
      return []
    }
    const state = openNow(doc.availability as Availability | undefined, query.at)
    return [{ ...doc, id, nextChangeAt: state.nextChangeAt?.toISOString() ?? null, openNow: state.open }]
  })
  return {
    at: query.at.toISOString(),
    docs,
    hasNextPage: query.page < totalPages,
    hasPrevPage: query.page > 1,
    limit: query.limit,
    nextPage: query.page < totalPages ? query.page + 1 : null,
    page: query.page,
    pagingCounter: (query.page - 1) * query.limit + 1,
    prevPage: query.page > 1 ? query.page - 1 : null,
    totalDocs,
    totalPages,
  }
}
