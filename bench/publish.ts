/**
 * Measured steps of the cached variant that are not load: what one publish voids in the response
 * cache, and (with `--instances 2`) whether a read on one instance right after a publish on the
 * other can still see the old answer. Both run after the cached read scenarios, on a warm cache.
 */
import type { LoadRequest } from './load'
import type { Manifest } from './manifest'
import type { BenchRedis } from './redis'

export type InvalidationResult = {
  /** Distinct cached answers watched (the cached scenarios' requests) and how many were hits before the first publish. */
  answers: number
  /** Where the published documents are (the write scenario's target). */
  collection: string
  /** Invalidation calls of the Redis store per publish (INCRs of `jec:cache:seq`); Redis only. */
  invalidationCallsPerPublish?: number
  publishes: number
  round: number
  tagsPerAnswer: number
  /** Distinct tags stamped per publish (Redis only). */
  tagsStampedPerPublish?: number
  /** Of the warm answers, how many a publish turned into a miss. */
  voidedPerPublish: { max: number; mean: number; min: number }
  warmHits: number
}

export type CrossInstanceResult = {
  /** PATCHes through instance A that did not answer 200: their reads are not counted. */
  failedPublishes: number
  /** B's reads just before each publish that were cache hits (the loop is meaningless if B never had the answer cached). */
  hitsBeforePublish: number
  readsBeforePublish: number
  /** B's reads right after a publish that were hits: must be 0 too (a hit after a write is a stale answer or a lucky recompute). */
  hitsAfterPublish: number
  iterations: number
  publishMs: { p50: number; p95: number }
  /** Reads on B after the publish (document and list each time). */
  reads: number
  round: number
  /** Reads after the publish that still showed the old title: must be 0. */
  staleReads: number
}

type Answer = { body: string; cache: string; status: number; tags: number }

async function call(baseUrl: string, request: LoadRequest, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${baseUrl}${request.path}`, {
    body: request.body?.replaceAll('{{n}}', '0'),
    headers: { ...request.headers, ...headers },
    method: request.method,
    signal: AbortSignal.timeout(30_000),
  })
  const tags = response.headers.get('cache-tag')
  return { body: await response.text(), cache: response.headers.get('x-cache') ?? '', status: response.status, tags: tags ? tags.split(',').length : 0 }
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length)
const percentile = (values: number[], fraction: number) => [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil(fraction * values.length) - 1)] ?? 0

function publishRequest(write: NonNullable<Manifest['write']>, id: number | string, value: string): LoadRequest {
  // As the write scenario (and the admin UI) saves a published document: the English source, no population.
  return {
    body: JSON.stringify({ [write.titleField]: value }),
    headers: { 'content-type': 'application/json' },
    method: 'PATCH',
    path: `/api/${write.collection}/${id}?depth=0&locale=en&fallback-locale=null`,
  }
}

/**
 * Reads every watched answer until it is a hit, then publishes one document at a time as the
 * editor and reads them all again: the ones that turned MISS are what that publish voided. With
 * Redis, the store's counters say how many invalidation calls and distinct tags it took.
 */
export async function measureInvalidation(args: {
  baseUrl: string
  editorToken: string
  publishes: number
  redis?: BenchRedis
  requests: LoadRequest[]
  round: number
  write: NonNullable<Manifest['write']>
}): Promise<InvalidationResult> {
  const { baseUrl, redis, write } = args
  const watched = [...new Map(args.requests.map((request) => [`${request.method} ${request.path} ${request.body ?? ''}`, request])).values()]
  for (const request of watched) {
    await call(baseUrl, request)
  }
  const warm: LoadRequest[] = []
  const tags: number[] = []
  for (const request of watched) {
    const answer = await call(baseUrl, request)
    tags.push(answer.tags)
    if (answer.cache === 'HIT') {
      warm.push(request)
    }
  }
  const voided: number[] = []
  const calls: number[] = []
  const stamped: number[] = []
  const authorization = { authorization: `JWT ${args.editorToken}` }
  for (let index = 0; index < args.publishes; index++) {
    const before = await redis?.invalidations()
    const published = await call(baseUrl, publishRequest(write, write.ids[index % write.ids.length]!, `Benchmark publish ${args.round}-${index}`), authorization)
    if (published.status !== 200) {
      throw new Error(`publish through ${baseUrl} answered ${published.status}: ${published.body.slice(0, 300)}`)
    }
    if (redis && before !== undefined) {
      calls.push((await redis.invalidations()) - before)
      stamped.push(await redis.tagsStampedAfter(before))
    }
    let turned = 0
    for (const request of warm) {
      if ((await call(baseUrl, request)).cache !== 'HIT') {
        turned++
      }
    }
    voided.push(turned)
    // A miss stored the answer again; read those once more so the next publish starts warm.
    for (const request of warm) {
      await call(baseUrl, request)
    }
  }
  return {
    answers: watched.length,
    collection: write.collection,
    invalidationCallsPerPublish: calls.length ? mean(calls) : undefined,
    publishes: args.publishes,
    round: args.round,
    tagsPerAnswer: mean(tags),
    tagsStampedPerPublish: stamped.length ? mean(stamped) : undefined,
    voidedPerPublish: { max: Math.max(0, ...voided), mean: mean(voided), min: voided.length ? Math.min(...voided) : 0 },
    warmHits: warm.length,
  }
}

/**
 * `--instances 2`: publish a new title through instance A, then read the same document at once
 * anonymously through instance B (by id, and as a one-document list): any read that still shows
 * the old title is stale. Before each publish B reads the document once, so it has it cached.
 */
export async function measureCrossInstance(args: {
  editorToken: string
  iterations: number
  publisher: string
  reader: string
  round: number
  write: NonNullable<Manifest['write']>
}): Promise<CrossInstanceResult> {
  const { write } = args
  const id = write.ids[0]!
  const reads: LoadRequest[] = [
    { headers: {}, method: 'GET', path: `/api/${write.collection}/${id}?depth=0&locale=en&fallback-locale=null` },
    { headers: {}, method: 'GET', path: `/api/${write.collection}?where[id][equals]=${id}&limit=1&depth=0&locale=en&fallback-locale=null` },
  ]
  const titleOf = (answer: Answer, index: number): unknown => {
    const parsed = JSON.parse(answer.body) as Record<string, unknown> & { docs?: Array<Record<string, unknown>> }
    return index === 0 ? parsed[write.titleField] : parsed.docs?.[0]?.[write.titleField]
  }
  for (const request of reads) {
    await call(args.reader, request)
  }
  const result: CrossInstanceResult = {
    failedPublishes: 0,
    hitsAfterPublish: 0,
    hitsBeforePublish: 0,
    iterations: args.iterations,
    publishMs: { p50: 0, p95: 0 },
    reads: 0,
    readsBeforePublish: 0,
    round: args.round,
    staleReads: 0,
  }
  const publishMs: number[] = []
  for (let index = 0; index < args.iterations; index++) {
    for (const request of reads) {
      result.readsBeforePublish++
      if ((await call(args.reader, request)).cache === 'HIT') {
        result.hitsBeforePublish++
      }
    }
    const value = `Benchmark cross-instance ${args.round}-${index}`
    const started = performance.now()
    const published = await call(args.publisher, publishRequest(write, id, value), { authorization: `JWT ${args.editorToken}` })
    publishMs.push(performance.now() - started)
    if (published.status !== 200) {
      result.failedPublishes++
      continue
    }
    for (const [index, request] of reads.entries()) {
      const answer = await call(args.reader, request)
      result.reads++
      if (answer.cache === 'HIT') {
        result.hitsAfterPublish++
      }
      if (answer.status !== 200 || titleOf(answer, index) !== value) {
        result.staleReads++
      }
    }
  }
  result.publishMs = { p50: percentile(publishMs, 0.5), p95: percentile(publishMs, 0.95) }
  return result
}
