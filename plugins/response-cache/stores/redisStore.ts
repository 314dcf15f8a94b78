import type { Redis } from 'ioredis'

import type { CachedAnswer, ResponseCacheStore } from '../types'

type Meta = { c: number; e?: number; h: Array<[string, string]>; s: number; st: number; t: string[] }

// Each script runs atomically on the server: no write can slip between reading the stamps and
// deciding. Keys are built from a prefix passed as an argument, so this needs one Redis server
// (or a primary with replicas), not Redis Cluster.
const lookupScript = `
local sequence = redis.call('GET', ARGV[1] .. 'seq') or '0'
local fields = redis.call('HMGET', ARGV[1] .. 'a:' .. ARGV[2], 'm', 'b')
if not fields[1] then return {sequence} end
local meta = cjson.decode(fields[1])
local since = tonumber(meta.s)
local stampKeys = {}
for i, tag in ipairs(meta.t) do stampKeys[i] = ARGV[1] .. 't:' .. tag end
for start = 1, #stampKeys, 500 do
  local stamps = redis.call('MGET', unpack(stampKeys, start, math.min(start + 499, #stampKeys)))
  for _, stamp in ipairs(stamps) do
    if stamp and tonumber(stamp) > since then
      redis.call('DEL', ARGV[1] .. 'a:' .. ARGV[2])
      return {sequence}
    end
  end
end
return {sequence, fields[1], fields[2]}
`

// ARGV: prefix, key, since, metadata, body, ttl, tags…
const storeScript = `
local since = tonumber(ARGV[3])
for i = 7, #ARGV do
  local stamp = redis.call('GET', ARGV[1] .. 't:' .. ARGV[i])
  if stamp and tonumber(stamp) > since then return 0 end
end
redis.call('HSET', ARGV[1] .. 'a:' .. ARGV[2], 'm', ARGV[4], 'b', ARGV[5])
redis.call('PEXPIRE', ARGV[1] .. 'a:' .. ARGV[2], tonumber(ARGV[6]))
return 1
`

const invalidateScript = `
local sequence = redis.call('INCR', ARGV[1] .. 'seq')
local ttl = tonumber(ARGV[2])
for i = 3, #ARGV do redis.call('SET', ARGV[1] .. 't:' .. ARGV[i], sequence, 'PX', ttl) end
return sequence
`

type ScriptedRedis = Redis & {
  responseCacheInvalidate(prefix: string, ttlMs: number, ...tags: string[]): Promise<number>
  responseCacheLookupBuffer(prefix: string, key: string): Promise<Buffer[]>
  responseCacheStore(prefix: string, key: string, since: number, meta: string, body: Buffer, ttlMs: number, ...tags: string[]): Promise<number>
}

/**
 * The store every instance shares. Answers are Redis hashes (metadata, body) that expire with
 * their TTL; tag stamps are plain keys that outlive any answer they could void (the longest TTL),
 * so a stamp is never forgotten while an answer it voids is still there. Memory is bounded by the
 * TTL and by the server's own `maxmemory` (docs/deployment.md).
 */
export function redisStore({ keyPrefix = 'jec:cache:', maxTtlMs, redis }: { keyPrefix?: string; maxTtlMs: number; redis: Redis }): ResponseCacheStore {
  const scripted = redis as ScriptedRedis
  if (!('responseCacheLookup' in scripted)) {
    redis.defineCommand('responseCacheLookup', { lua: lookupScript, numberOfKeys: 0 })
    redis.defineCommand('responseCacheStore', { lua: storeScript, numberOfKeys: 0 })
    redis.defineCommand('responseCacheInvalidate', { lua: invalidateScript, numberOfKeys: 0 })
  }
  return {
    async invalidate(tags) {
      if (tags.length) {
        await scripted.responseCacheInvalidate(keyPrefix, maxTtlMs * 2, ...tags)
      }
    },
    async lookup(key) {
      const [sequence, meta, body] = await scripted.responseCacheLookupBuffer(keyPrefix, key)
      const current = Number(sequence?.toString() ?? 0)
      if (!meta || !body) {
        return { sequence: current }
      }
      const parsed = JSON.parse(meta.toString()) as Meta
      return {
        answer: { body: new Uint8Array(body), computedAt: parsed.c, expiresAt: parsed.e, headers: parsed.h, status: parsed.st, tags: parsed.t },
        sequence: current,
      }
    },
    async stats() {
      let entries = 0
      let cursor = '0'
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${keyPrefix}a:*`, 'COUNT', 1000)
        entries += keys.length
        cursor = next
      } while (cursor !== '0')
      return { entries }
    },
    async store(key, answer: CachedAnswer, since, ttlMs) {
      const meta: Meta = { c: answer.computedAt, e: answer.expiresAt, h: answer.headers, s: since, st: answer.status, t: answer.tags }
      const kept = await scripted.responseCacheStore(keyPrefix, key, since, JSON.stringify(meta), Buffer.from(answer.body), ttlMs, ...answer.tags)
      return kept === 1
    },
  }
}
