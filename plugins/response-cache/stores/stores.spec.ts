/**
 * The store contract, run against both stores: the in-process one and a real Redis (Debian's
 * redis-server on a free port).
 */
import type { CachedAnswer, ResponseCacheStore } from '../types'

import { closeRedisConnections, redisConnection } from '../../../src/lib/redis'
import { type RedisServer, startRedisServer } from '../../../test/helpers/redisServer'
import { memoryStore } from './memoryStore'
import { redisStore } from './redisStore'

const answer = (tags: string[], text = 'answer'): CachedAnswer => ({
  body: new TextEncoder().encode(JSON.stringify({ text })),
  computedAt: 0,
  headers: [['content-type', 'application/json']],
  status: 200,
  tags,
})
const text = (found: { answer?: CachedAnswer }) => found.answer && (JSON.parse(new TextDecoder().decode(found.answer.body)) as { text: string }).text

let redis: RedisServer
let prefixCounter = 0

beforeAll(async () => {
  redis = await startRedisServer()
})

afterAll(async () => {
  await closeRedisConnections()
  await redis.stop()
})

const stores: Array<[string, () => ResponseCacheStore]> = [
  ['memory', () => memoryStore({ maxBytes: 1024 * 1024 })],
  ['redis', () => redisStore({ keyPrefix: `test:${++prefixCounter}:`, maxTtlMs: 60_000, redis: redisConnection(redis.url) })],
]

describe.each(stores)('%s store', (_name, makeStore) => {
  test('keeps an answer and gives it back with its headers and tags', async () => {
    const store = makeStore()
    const { sequence } = await store.lookup('k')
    expect(await store.store('k', answer(['d:hotlines:1', 'l:hotlines']), sequence, 60_000)).toBe(true)
    const found = await store.lookup('k')
    expect(text(found)).toBe('answer')
    expect(found.answer?.headers).toEqual([['content-type', 'application/json']])
    expect(found.answer?.tags).toEqual(['d:hotlines:1', 'l:hotlines'])
  })

  test('an invalidation of any of its tags voids it; other tags leave it', async () => {
    const store = makeStore()
    const { sequence } = await store.lookup('k')
    await store.store('k', answer(['d:hotlines:1', 'l:hotlines']), sequence, 60_000)
    await store.invalidate(['d:hotlines:2'])
    expect(text(await store.lookup('k'))).toBe('answer')
    await store.invalidate(['l:hotlines'])
    expect((await store.lookup('k')).answer).toBeUndefined()
  })

  test('an answer whose computation began before a write to one of its tags is refused', async () => {
    const store = makeStore()
    const { sequence: beganAt } = await store.lookup('k')
    // The write lands while the answer is being computed from the data before it.
    await store.invalidate(['d:hotlines:1'])
    expect(await store.store('k', answer(['d:hotlines:1']), beganAt, 60_000)).toBe(false)
    expect((await store.lookup('k')).answer).toBeUndefined()
    // Begun after the write, it is kept.
    const { sequence: afterWrite } = await store.lookup('k')
    expect(await store.store('k', answer(['d:hotlines:1'], 'new'), afterWrite, 60_000)).toBe(true)
    expect(text(await store.lookup('k'))).toBe('new')
  })

  test('answers expire with their TTL', async () => {
    const store = makeStore()
    const { sequence } = await store.lookup('k')
    await store.store('k', answer(['g:programme']), sequence, 1_000)
    expect(text(await store.lookup('k'))).toBe('answer')
    await new Promise((resolve) => setTimeout(resolve, 1_100))
    expect((await store.lookup('k')).answer).toBeUndefined()
  })

  test('an answer with thousands of tags is checked against all of them', async () => {
    const store = makeStore()
    const tags = Array.from({ length: 3_000 }, (_, index) => `d:partners:${index}`)
    const { sequence } = await store.lookup('k')
    await store.store('k', answer(tags), sequence, 60_000)
    expect(text(await store.lookup('k'))).toBe('answer')
    await store.invalidate(['d:partners:2999'])
    expect((await store.lookup('k')).answer).toBeUndefined()
  })
})

test('the memory store stays within its byte bound, dropping the least recently used answers', async () => {
  const store = memoryStore({ maxBytes: 64 * 1024 })
  const big = (index: number): CachedAnswer => ({ ...answer(['l:hotlines']), body: new Uint8Array(10 * 1024).fill(index) })
  for (let index = 0; index < 20; index += 1) {
    await store.store(`k${index}`, big(index), 0, 60_000)
  }
  const { bytes, entries } = await store.stats()
  expect(bytes).toBeLessThanOrEqual(64 * 1024)
  expect(entries).toBeLessThan(20)
  expect((await store.lookup('k19')).answer).toBeDefined()
  expect((await store.lookup('k0')).answer).toBeUndefined()
})
