/**
 * Where this project's rate-limiter-flexible limiters count (the delivery API's door, login
 * throttling). With Redis every instance behind the proxy counts into the same keys, atomically
 * (rate-limiter-flexible's Lua increment); without it each process counts in its own memory, which
 * is right for one instance and gives N instances N times the allowance.
 */
import type { RateLimiterAbstract } from 'rate-limiter-flexible'

import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible'

import { redisConnection } from './redis'

export type LimiterFactory = (options: { duration: number; keyPrefix: string; points: number }) => RateLimiterAbstract

export function limiterFactory(redisUrl: string | undefined): LimiterFactory {
  if (!redisUrl) {
    return (options) => new RateLimiterMemory(options)
  }
  // The project's keys share one prefix, so that the Redis database can be shared with others.
  return (options) => new RateLimiterRedis({ ...options, keyPrefix: `jec:${options.keyPrefix}`, storeClient: redisConnection(redisUrl) })
}
