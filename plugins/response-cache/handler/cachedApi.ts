import type { Payload } from 'payload'

import { headersWithCors } from 'payload'

import type { CachedAnswer, ResolvedResponseCacheOptions } from '../types'

import { collectTags } from '../operations/collector'
import { cacheKeyOf } from '../utilities/cacheKey'

/**
 * What the host hands over for each API request: the Web request, its body when it has one, and
 * who it acts for (`partition`: undefined when the answer is personal and must never be stored).
 */
export type CachedApiRequest = { body?: Uint8Array; partition: string | undefined; request: Request }

export type CachedApi = (incoming: CachedApiRequest, produce: () => Promise<Response>) => Promise<Response>

/** Headers a stored answer keeps; everything else (CORS, cookies, rate-limit counts) belongs to one request. */
const storedHeaders = new Set(['content-language', 'content-type'])
/** Proxies and CDNs refuse or truncate longer headers (8 KB is a common limit). */
const maxTagHeaderLength = 8_000

const withTagHeaders = (headers: Headers, tags: string[]) => {
  const commaSeparated = tags.join(',')
  if (commaSeparated.length > maxTagHeaderLength) {
    // A CDN cannot be told which purges void this answer: it must not keep it.
    headers.set('CDN-Cache-Control', 'no-store')
    headers.set('Surrogate-Control', 'no-store')
    return
  }
  // Cloudflare and others read Cache-Tag (comma-separated); Fastly and Varnish, Surrogate-Key (spaces).
  headers.set('Cache-Tag', commaSeparated)
  headers.set('Surrogate-Key', tags.join(' '))
}

/**
 * Answers public reads from the store when a valid answer is there, and otherwise computes them
 * with every database read recorded as a tag, then stores what may be stored. A store that fails
 * (Redis away) makes the request compute its answer, never fail.
 */
export function cachedApi(payload: Payload, options: ResolvedResponseCacheOptions): CachedApi {
  const { maxEntryBytes, now, store, ttlSeconds } = options
  // An answer from the clock's future (a test moved it back) or past its expiry is not served.
  const isCurrent = ({ computedAt, expiresAt }: CachedAnswer, at: number) => computedAt <= at && (expiresAt === undefined || at < expiresAt)
  return async ({ body, partition, request }, produce) => {
    const key = partition === undefined ? undefined : cacheKeyOf(request, body, partition)
    if (key === undefined) {
      return produce()
    }
    let sequence: number | undefined
    try {
      const found = await store.lookup(key)
      sequence = found.sequence
      if (found.answer && isCurrent(found.answer, now())) {
        return answerFrom(payload, request, found.answer)
      }
    } catch (error) {
      payload.logger.warn({ err: error }, 'response cache unavailable; answering without it')
    }
    const computedAt = now()
    const { collected, result: response } = await collectTags(produce)
    const contentType = response.headers.get('content-type') ?? ''
    // An endpoint whose answer is personal or depends on more than the database and the clock says
    // so the standard way, and is believed.
    const refusesStorage = /\b(no-store|private)\b/i.test(response.headers.get('cache-control') ?? '')
    if (response.status !== 200 || !contentType.includes('application/json') || response.headers.has('set-cookie') || refusesStorage || collected.wrote) {
      return response
    }
    const bytes = new Uint8Array(await response.arrayBuffer())
    const tags = [...collected.tags].sort()
    const headers = new Headers(response.headers)
    withTagHeaders(headers, tags)
    const ttlMs = Math.min(ttlSeconds * 1000, (collected.expiresAt ?? Infinity) - computedAt)
    let stored = false
    if (sequence !== undefined && bytes.byteLength <= maxEntryBytes && ttlMs >= 1000) {
      const kept = [...headers.entries()].filter(([name]) => storedHeaders.has(name))
      const answer: CachedAnswer = { body: bytes, computedAt, expiresAt: collected.expiresAt, headers: kept, status: 200, tags }
      stored = await store.store(key, answer, sequence, Math.floor(ttlMs)).catch((error: unknown) => {
        payload.logger.warn({ err: error }, 'response cache could not store an answer')
        return false
      })
    }
    headers.set('X-Cache', stored ? 'MISS' : 'MISS, not stored')
    return new Response(bytes, { headers, status: 200 })
  }
}

function answerFrom(payload: Payload, request: Request, answer: CachedAnswer): Response {
  const headers = new Headers(answer.headers)
  withTagHeaders(headers, answer.tags)
  headers.set('X-Cache', 'HIT')
  // The CORS headers Payload would have sent this origin.
  return new Response(answer.body as BodyInit, {
    headers: headersWithCors({ headers, req: { headers: request.headers, payload } as Parameters<typeof headersWithCors>[0]['req'] }),
    status: answer.status,
  })
}
