/**
 * The load generator, in a process of its own so that autocannon's work never shares an event loop
 * with the orchestrator's bookkeeping. bench/load.ts forks it and sends one run at a time over IPC.
 *
 * Latency percentiles are computed here from every response time, because autocannon's summary
 * has p90/p97.5/p99 but no p95.
 */
import autocannon from 'autocannon'

import type { LoadRequest, LoadResult, LoadSpec, WorkerMessage, WorkerReply } from './load'

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

function run(spec: LoadSpec): Promise<LoadResult> {
  const samples: number[] = []
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        connections: spec.connections,
        duration: spec.durationSeconds,
        requests: [{ setupRequest: rotation(spec.requests) }],
        timeout: 30,
        url: spec.baseUrl,
      },
      (error, result) => {
        if (error) {
          reject(error)
          return
        }
        samples.sort((a, b) => a - b)
        const mean = samples.reduce((sum, value) => sum + value, 0) / Math.max(1, samples.length)
        resolve({
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
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      if (samples.length < maxSamples) {
        samples.push(responseTime)
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
