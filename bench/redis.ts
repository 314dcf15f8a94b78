import { Redis } from 'ioredis'
/**
 * The Redis of `--instances 2`: Debian's redis-server on a free loopback port, without persistence,
 * registered with bench/processes.ts so that every way out of the run stops it. (The same as
 * test/helpers/redisServer.ts, which the harness cannot use: its process would outlive a Ctrl-C.)
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'

import { redisAnswersOn } from '../src/lib/redis'
import { tail, track, waitForExit } from './processes'
import { freePort } from './server'

export type BenchRedis = {
  /** Empties the store before a boot: answers cached against an earlier round's database copy would be wrong for this one. */
  flush(): Promise<void>
  /** The response cache's invalidation counter (one INCR per invalidation call of its Redis store). */
  invalidations(): Promise<number>
  stop(): Promise<void>
  /** Tags whose stamp is newer than `sequence`: what the invalidations since then voided. */
  tagsStampedAfter(sequence: number): Promise<number>
  url: string
}

/** The key prefix plugins/response-cache/stores/redisStore.ts uses by default. */
const prefix = 'jec:cache:'


export async function startRedis(logFile: string): Promise<BenchRedis> {
  const port = await freePort()
  const log = fs.openSync(logFile, 'w')
  const child = track(
    spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', log, log] }),
  )
  fs.closeSync(log)
  const url = `redis://127.0.0.1:${port}`
  const deadline = Date.now() + 10_000
  while (!(await redisAnswersOn(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`redis-server did not start on port ${port}:\n${tail(logFile)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  const client = new Redis(url, { maxRetriesPerRequest: 1 })
  client.on('error', () => undefined)
  return {
    async flush() {
      await client.flushall()
    },
    async invalidations() {
      return Number((await client.get(`${prefix}seq`)) ?? 0)
    },
    async stop() {
      client.disconnect()
      child.kill('SIGTERM')
      await waitForExit(child, 5_000)
    },
    async tagsStampedAfter(sequence) {
      let count = 0
      let cursor = '0'
      do {
        const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}t:*`, 'COUNT', 1000)
        cursor = next
        if (keys.length) {
          count += (await client.mget(...keys)).filter((stamp) => stamp !== null && Number(stamp) > sequence).length
        }
      } while (cursor !== '0')
      return count
    },
    url,
  }
}
