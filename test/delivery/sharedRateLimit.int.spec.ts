/**
 * Rate limits counted in one Redis (REDIS_URL), as several instances behind a proxy run them: two
 * express hosts in this process, each with its own door and limiters, sharing only the Redis.
 */
import type { Payload } from 'payload'

import { closeRedisConnections, redisConnection } from '@/lib/redis'

import type { TestHost } from '../helpers/host'
import type { RedisServer } from '../helpers/redisServer'

import { createPartner } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { startRedisServer } from '../helpers/redisServer'

const max = 10
const windowSeconds = 5
process.env.RATE_LIMIT_MAX = String(max)
process.env.RATE_LIMIT_WINDOW_MS = String(windowSeconds * 1000)
// One proxy hop: each test reads as its own client address (X-Forwarded-For), so one test's count
// does not spend another's allowance.
process.env.TRUST_PROXY = '1'

let redis: RedisServer
let first: TestHost
let second: TestHost

beforeAll(async () => {
  redis = await startRedisServer()
  process.env.REDIS_URL = redis.url
  first = await startTestHost()
  // The same Payload (getPayload keeps one per process), a second server with a door of its own.
  second = await startTestHost()
  for (let index = 0; index < 3; index += 1) {
    await createPartner(first.payload)
  }
})

afterAll(async () => {
  await new Promise<void>((resolve) => (second ? second.host.server.close(() => resolve()) : resolve()))
  await first.stop()
  await closeRedisConnections()
  await redis.stop()
})

const get = async (host: TestHost, path: string, address: string) => {
  const response = await fetch(`${host.baseUrl}${path}`, { headers: { 'x-forwarded-for': address } })
  return { body: (await response.json()) as { docs?: unknown[] }, headers: response.headers, status: response.status }
}
const seconds = (value: null | string) => Number(value)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

test(`two instances on one Redis count together: ${max} requests split across both pass, the next one on either is 429`, async () => {
  const address = '203.0.113.1'
  const answers = []
  for (let index = 0; index < max; index += 1) {
    answers.push(await get(index % 2 ? second : first, '/api/phases?limit=1', address))
  }
  expect(answers.map(({ status }) => status)).toEqual(Array(max).fill(200))
  // One count: what remains goes down by one per request, whichever host answered it.
  expect(answers.map(({ headers }) => Number(headers.get('ratelimit-remaining')))).toEqual(Array.from({ length: max }, (_, index) => max - 1 - index))

  for (const host of [first, second]) {
    const refused = await get(host, '/api/phases?limit=1', address)
    expect(refused.status).toBe(429)
    expect(seconds(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(seconds(refused.headers.get('retry-after'))).toBeLessThanOrEqual(windowSeconds)
  }
  // Another address is another client.
  expect((await get(second, '/api/phases?limit=1', '203.0.113.2')).status).toBe(200)
})

test('a window is fixed from the first request: refused requests do not extend it, and the count starts again once it ends', async () => {
  const address = '203.0.113.3'
  const opening = await get(first, '/api/phases?limit=1', address)
  expect(seconds(opening.headers.get('ratelimit-reset'))).toBe(windowSeconds)
  for (let index = 1; index < max; index += 1) {
    expect((await get(index % 2 ? second : first, '/api/phases?limit=1', address)).status).toBe(200)
  }
  const refused = await get(second, '/api/phases?limit=1', address)
  expect(refused.status).toBe(429)
  await sleep(1_100)
  const later = await get(first, '/api/phases?limit=1', address)
  expect(later.status).toBe(429)
  expect(seconds(later.headers.get('retry-after'))).toBeLessThan(seconds(refused.headers.get('retry-after')))

  await sleep(seconds(later.headers.get('retry-after')) * 1000 + 100)
  const next = await get(second, '/api/phases?limit=1', address)
  expect(next.status).toBe(200)
  expect(next.headers.get('ratelimit-remaining')).toBe(String(max - 1))
  expect(seconds(next.headers.get('ratelimit-reset'))).toBe(windowSeconds)
})

test('the anonymous read path writes nothing to the database: 0 writes in 50 reads of a public list', async () => {
  const db = first.payload.db as unknown as Record<string, unknown>
  const writeMethods = Object.keys({ ...db, ...Object.getPrototypeOf(db) }).filter(
    (name) => /^(create|update|upsert|delete)/.test(name) && !['createJSONQuery', 'createMigration'].includes(name) && typeof db[name] === 'function',
  )
  expect(writeMethods).toEqual(expect.arrayContaining(['create', 'deleteMany', 'deleteOne', 'updateMany', 'updateOne', 'upsert']))
  const writes: string[] = []
  const originals = new Map(writeMethods.map((name) => [name, db[name] as (...args: unknown[]) => unknown]))
  for (const [name, original] of originals) {
    db[name] = (...args: unknown[]) => {
      writes.push(name)
      return original.apply(first.payload.db, args)
    }
  }
  try {
    const statuses: number[] = []
    const sizes: number[] = []
    for (let index = 0; index < 50; index += 1) {
      // Fifty clients, so that none meets the limit: every read is counted, none refused.
      const { body, status } = await get(index % 2 ? second : first, '/api/partners?limit=10', `198.51.100.${index + 1}`)
      statuses.push(status)
      sizes.push(body.docs?.length ?? 0)
    }
    expect(statuses).toEqual(Array(50).fill(200))
    expect(sizes).toEqual(Array(50).fill(3))
  } finally {
    for (const [name, original] of originals) {
      db[name] = original
    }
  }
  expect(writes).toEqual([])
})

test('while Redis does not answer, requests are let through uncounted after a second, with a warning', async () => {
  const payload: Payload = first.payload
  const redisPid = Number(/process_id:(\d+)/.exec(await redisConnection(redis.url).info('server'))![1])
  const warnings: unknown[] = []
  const warn = payload.logger.warn.bind(payload.logger)
  payload.logger.warn = ((...args: unknown[]) => {
    warnings.push(args)
    return (warn as (...args: unknown[]) => void)(...args)
  }) as typeof payload.logger.warn
  // A stalled Redis keeps its connections open and answers nothing, which only a timeout notices.
  process.kill(redisPid, 'SIGSTOP')
  try {
    const started = Date.now()
    const answer = await get(first, '/api/phases?limit=1', '203.0.113.1')
    expect(answer.status).toBe(200)
    expect(answer.headers.get('ratelimit-limit')).toBeNull()
    expect(Date.now() - started).toBeLessThan(3_000)
    expect(JSON.stringify(warnings)).toMatch(/rate limiting unavailable; request let through/)
  } finally {
    process.kill(redisPid, 'SIGCONT')
    payload.logger.warn = warn
  }
})
