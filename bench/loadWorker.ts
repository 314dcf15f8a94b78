/**
 * The load generator, in a process of its own so that autocannon's work never shares an event loop
 * with the orchestrator's bookkeeping. bench/load.ts forks it and sends one run at a time over IPC.
 *
 * Latency percentiles are computed here from every response time, because autocannon's summary
 * has p90/p97.5/p99 but no p95. Each answer's `X-Cache` header is counted too: autocannon's client
 * parses the headers of one answer (no pipelining) before it reports that answer's response time,
 * so the last header seen on a connection belongs to the response that follows it.
 */
import autocannon from 'autocannon'

import type { CacheCounts, LoadRequest, LoadResult, LoadSpec, WorkerMessage, WorkerReply } from './load'

const maxSamples = 2_000_000

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) {
    return 0
  }
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!
}

/** Each request takes the next entry of the list (paths, bodies), `{{n}}` in a body becoming a counter. */
function rotation(requests: LoadRequest[]): autocannon.Request['setupRequest'] {
  let next = 0
  return (request) => {
    const entry = requests[next % requests.length]!
    next++
    return {
      ...request,
      body: entry.body?.replaceAll('{{n}}', String(next)),
      headers: { ...request.headers, ...entry.headers },
      method: entry.method,
      path: entry.path,
    }
  }
}

type CacheVerdict = 'absent' | 'hit' | 'miss' | 'notStored'

/** Raw headers come as [name, value, name, value, …]. */
function verdictOf(raw: unknown): CacheVerdict {
  const headers = Array.isArray(raw) ? (raw as unknown[]) : []
  for (let index = 0; index + 1 < headers.length; index += 2) {
    if (String(headers[index]).toLowerCase() === 'x-cache') {
      const value = String(headers[index + 1]).toUpperCase()
      return value === 'HIT' ? 'hit' : value === 'MISS' ? 'miss' : 'notStored'
    }
  }
  return 'absent'
}

function run(spec: LoadSpec): Promise<LoadResult> {
  const samples: number[] = []
  const hitSamples: number[] = []
  const counts: Record<CacheVerdict, number> = { absent: 0, hit: 0, miss: 0, notStored: 0 }
  const lastVerdict = new Map<unknown, CacheVerdict>()
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        connections: spec.connections,
        duration: spec.durationSeconds,
        requests: [{ setupRequest: rotation(spec.requests) }],
        setupClient: (client) => {
          // http-parser-js's headers-complete info: { statusCode, headers: [name, value, …], … } (the types say otherwise).
          const onHeaders = (parsed: { headers?: unknown }) => lastVerdict.set(client, verdictOf(parsed.headers))
          client.on('headers', onHeaders as unknown as (headers: object) => void)
        },
        timeout: 30,
        // autocannon takes a list of URLs too (its types say string): connection i opens to the i-th modulo n.
        url: (spec.baseUrls.length === 1 ? spec.baseUrls[0]! : spec.baseUrls) as string,
      },
      (error, result) => {
        if (error) {
          reject(error)
          return
        }
        samples.sort((a, b) => a - b)
        hitSamples.sort((a, b) => a - b)
        const cache: CacheCounts = {
          ...counts,
          hitLatencyMs: { p50: percentile(hitSamples, 0.5), p95: percentile(hitSamples, 0.95), p99: percentile(hitSamples, 0.99) },
        }
        const mean = samples.reduce((sum, value) => sum + value, 0) / Math.max(1, samples.length)
        resolve({
          cache,
          durationSeconds: result.duration,
          errors: result.errors,
          latencyMs: { max: samples.at(-1) ?? 0, mean, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), p99: percentile(samples, 0.99) },
          non2xx: result.non2xx,
          requests: result.requests.total,
          requestsPerSecond: result.requests.total / Math.max(result.duration, 0.001),
          statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count ?? 0])),
          timeouts: result.timeouts,
        })
      },
    )
    instance.on('response', (client, _status, _bytes, responseTime) => {
      const verdict = lastVerdict.get(client) ?? 'absent'
      counts[verdict]++
      if (samples.length < maxSamples) {
        samples.push(responseTime)
        if (verdict === 'hit') {
          hitSamples.push(responseTime)
        }
      }
    })
  })
}

process.on('message', (message: WorkerMessage) => {
  run(message.spec)
    .then((result) => process.send?.({ id: message.id, result } satisfies WorkerReply))
    .catch((error: unknown) => process.send?.({ id: message.id, message: String(error) } satisfies WorkerReply))
})
// The orchestrator went away: nothing left to measure for.
process.on('disconnect', () => process.exit(0))
