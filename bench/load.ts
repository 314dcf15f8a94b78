/**
 * The orchestrator's side of the load generator (bench/loadWorker.ts): a forked process, one run at
 * a time, results back over IPC.
 */
import { type ChildProcess, fork } from 'node:child_process'
import path from 'node:path'

import { projectRoot } from '../src/lib/paths'
import { track, waitForExit } from './processes'

export type LoadRequest = { body?: string; headers: Record<string, string>; method: 'GET' | 'PATCH' | 'POST'; path: string }
/** `baseUrls`: one server, or several instances; connection i goes to baseUrls[i % n] (autocannon's own split). */
export type LoadSpec = { baseUrls: string[]; connections: number; durationSeconds: number; requests: LoadRequest[] }
/** Answers by their `X-Cache` header (the response cache's verdict; absent when it was bypassed or is off), and the latency of the hits. */
export type CacheCounts = { absent: number; hit: number; hitLatencyMs: { p50: number; p95: number; p99: number }; miss: number; notStored: number }
export type LoadResult = {
  cache: CacheCounts
  durationSeconds: number
  errors: number
  latencyMs: { max: number; mean: number; p50: number; p95: number; p99: number }
  non2xx: number
  requests: number
  requestsPerSecond: number
  statusCodes: Record<string, number>
  timeouts: number
}
export type WorkerMessage = { id: number; spec: LoadSpec }
export type WorkerReply = { id: number; message: string } | { id: number; result: LoadResult }

export type LoadGenerator = { close(): Promise<void>; run(spec: LoadSpec): Promise<LoadResult> }

export function startLoadGenerator(): LoadGenerator {
  const child: ChildProcess = track(
    fork(path.join(projectRoot, 'bench/loadWorker.ts'), [], {
      execArgv: ['--conditions=production', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  )
  let nextId = 0
  return {
    async close() {
      child.disconnect()
      await waitForExit(child, 5_000)
    },
    run(spec) {
      const id = ++nextId
      // A run can never outlast its duration by much; past this the generator is stuck.
      const limitMs = (spec.durationSeconds + 60) * 1000
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          child.off('message', onMessage)
          reject(new Error(`load run ${id} did not finish within ${limitMs / 1000} s`))
        }, limitMs)
        const onMessage = (reply: WorkerReply) => {
          if (reply.id !== id) {
            return
          }
          clearTimeout(timer)
          child.off('message', onMessage)
          if ('result' in reply) {
            resolve(reply.result)
          } else {
            reject(new Error(`load run failed: ${reply.message}`))
          }
        }
        child.on('message', onMessage)
        child.send({ id, spec } satisfies WorkerMessage)
      })
    },
  }
}
