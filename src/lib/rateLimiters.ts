/**
 * Where this project's rate-limiter-flexible limiters count (the delivery API's door, login
 * throttling). With Redis every instance behind the proxy counts into the same keys, atomically
 * (rate-limiter-flexible's Lua increment); without it each process counts in its own memory, which
 * is right for one instance and gives N instances N times the allowance.
 */
import type { RateLimiterAbstract } from 'rate-limiter-flexible'

import { RateLimiterMemory, RateLimiterRedis, RLWrapperTimeouts } from 'rate-limiter-flexible'

import { redisConnection } from './redis'

export type LimiterFactory = (options: { duration: number; keyPrefix: string; points: number }) => RateLimiterAbstract

/**
 * A Redis that refuses connections fails a command within about a second (src/lib/redis.ts), but
 * one that accepts them and stops answering (paused, swapping, a stalled failover) would hold every
 * counted request for as long: past this, the limiter fails instead, and its caller decides.
 */
const redisTimeoutMs = 1_000

export function limiterFactory(redisUrl: string | undefined): LimiterFactory {
  if (!redisUrl) {
    return (options) => new RateLimiterMemory(options)
  }
  return (options) =>
    new RLWrapperTimeouts({ limiter: new RateLimiterRedis({ ...options, storeClient: redisConnection(redisUrl) }), timeoutMs: redisTimeoutMs })
}
