import type { Request, RequestHandler, Response } from 'express'
import type { AuthStrategyResult, Payload } from 'payload'
import type { RateLimiterAbstract } from 'rate-limiter-flexible'

import { executeAuthStrategies } from 'payload'
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

import type { ActiveApiClient } from '../operations/apiClients'
import type { DeliveryApiContract } from '../types'

import { activeClientOrigins, findActiveApiClient } from '../operations/apiClients'
import { apiClientUser } from '../operations/apiClientUser'
import { apiKeyOf } from '../utilities/apiKeys'
import { requestIdentity } from '../utilities/requestIdentity'
import { isApiClientRouteAllowed } from './apiClientRoutes'

/**
 * Builds a rate-limiter-flexible limiter of `points` requests per `duration` seconds, counting
 * under `keyPrefix`. The store it counts in decides who shares the count.
 */
export type RateLimiterFactory = (options: { duration: number; keyPrefix: string; points: number }) => RateLimiterAbstract

export type RateLimitOptions = {
  /**
   * Where requests are counted. One shared store (`RateLimiterRedis` on one Redis, say) makes every
   * app instance enforce one limit; the default, this process's memory, gives each instance its own.
   * @default (options) => new RateLimiterMemory(options)
   */
  createLimiter?: RateLimiterFactory
  /** Requests per window for an anonymous client (per IP) or an API key. */
  max: number
  /** Requests per window for one signed-in staff user (the admin UI makes many calls). */
  staffMax: number
  /** Length of a window, in whole seconds (rate-limiter-flexible's stores count in seconds). */
  windowMs: number
}

/**
 * Who a request acts for, as the boundary established it, left in `res.locals.apiAudience` for what
 * runs after it (the response cache): an API client's answers depend on its scopes only, a
 * signed-in user's are personal.
 */
export type ApiAudience = { kind: 'anonymous' } | { kind: 'client'; scopes: string[] } | { kind: 'user' }

export type DeliveryBoundaryOptions = {
  /** Origins allowed for every client (the host's CORS origins): no per-key origin check for them. */
  corsOrigins: string[]
  payload: Payload
  rateLimit: RateLimitOptions
}

const preflightCacheMs = 30_000
const rateLimitKeyPrefix = 'delivery-api'

const headersOf = (req: Request): Headers => {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    for (const each of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      headers.append(name, each)
    }
  }
  return headers
}

const refuse = (res: Response, status: number, message: string) => {
  res.status(status).json({ errors: [{ message }] })
}

/** The decoded path segments below the mount point, or undefined for invalid percent-encoding (left for the API to answer). */
const pathSegments = (path: string): string[] | undefined => {
  try {
    return path.split('/').filter(Boolean).map(decodeURIComponent)
  } catch {
    return undefined
  }
}

/**
 * The delivery API's door, mounted by a host in front of Payload's API (`app.use('/api', …)`).
 * Per request, once: the key is parsed and its client looked up, or a staff token is verified by
 * Payload's own auth strategies; the result goes to Payload's auth through the request's async
 * context (utilities/requestIdentity.ts), so Payload neither parses, looks up nor verifies again.
 * Then, in this order:
 * - browsers' CORS preflights are answered for the origins listed on any active client;
 * - a key used from a browser origin not listed for it is refused (403);
 * - the request is counted against its client's limit (the key's client, a staff user, else the
 *   address) in the limiter's store: a fixed window opens at the key's first request and lasts
 *   `windowMs`, the first request after it opens the next. Past the limit 429 with Retry-After; a
 *   store that fails lets the request through with a warning rather than taking the API down with it;
 * - an unknown or revoked key is refused (401, never served as anonymous) — after counting, so
 *   guessing keys costs the guesser its quota;
 * - a key may only reach the read routes of its scopes (see isApiClientRouteAllowed; 403).
 */
export function createDeliveryBoundary({ corsOrigins, payload, rateLimit }: DeliveryBoundaryOptions): RequestHandler {
  const contract = payload.config.custom?.deliveryApi as DeliveryApiContract | undefined
  if (!contract) {
    throw new Error('createDeliveryBoundary needs a Payload config that uses the deliveryApi plugin.')
  }
  const { isStaff, slugs } = contract.options
  const windowSeconds = rateLimit.windowMs / 1000
  if (!Number.isInteger(windowSeconds) || windowSeconds < 1) {
    throw new Error(`createDeliveryBoundary: rateLimit.windowMs must be a whole number of seconds (1000 or more); got ${rateLimit.windowMs}.`)
  }
  const createLimiter: RateLimiterFactory = rateLimit.createLimiter ?? ((options) => new RateLimiterMemory(options))
  // One limiter per limit (a client may have its own), all under one key prefix: in a shared store
  // a client's count carries over when its limit is changed.
  const limiters = new Map<number, RateLimiterAbstract>()
  const limiterFor = (points: number) => {
    let limiter = limiters.get(points)
    if (!limiter) {
      limiter = createLimiter({ duration: windowSeconds, keyPrefix: rateLimitKeyPrefix, points })
      limiters.set(points, limiter)
    }
    return limiter
  }
  let cachedOrigins: { at: number; origins: Set<string> } | undefined

  const knownOrigins = async () => {
    if (!cachedOrigins || Date.now() - cachedOrigins.at > preflightCacheMs) {
      cachedOrigins = { at: Date.now(), origins: new Set([...corsOrigins, ...(await activeClientOrigins(payload, slugs.apiClients))]) }
    }
    return cachedOrigins.origins
  }
  const allowOrigin = (res: Response, origin: string) => {
    res.setHeader('Access-Control-Allow-Origin', origin)
    res.append('Vary', 'Origin')
  }

  const rateKeyOf = (client: ActiveApiClient | null, auth: AuthStrategyResult, ip: string) => {
    if (client) {
      return { key: `client:${String(client.id)}`, max: client.rateLimit ?? rateLimit.max }
    }
    if (auth.user && isStaff(auth.user)) {
      return { key: `user:${String(auth.user.id)}`, max: rateLimit.staffMax }
    }
    return { key: `ip:${ip}`, max: rateLimit.max }
  }

  /** False when the request was answered (429). */
  const withinLimit = async (res: Response, rateKey: { key: string; max: number }): Promise<boolean> => {
    let window: RateLimiterRes
    let refused = false
    try {
      window = await limiterFor(rateKey.max).consume(rateKey.key)
    } catch (outcome) {
      // rate-limiter-flexible rejects with a RateLimiterRes past the limit, with an Error when its
      // store fails (and it has no insuranceLimiter to fall back on).
      if (!(outcome instanceof RateLimiterRes)) {
        payload.logger.warn({ err: outcome }, 'rate limiting unavailable; request let through')
        return true
      }
      window = outcome
      refused = true
    }
    const retryAfterSeconds = Math.max(1, Math.ceil(window.msBeforeNext / 1000))
    res.setHeader('RateLimit-Limit', String(rateKey.max))
    res.setHeader('RateLimit-Remaining', String(window.remainingPoints))
    res.setHeader('RateLimit-Reset', String(retryAfterSeconds))
    if (refused) {
      res.setHeader('Retry-After', String(retryAfterSeconds))
      refuse(res, 429, `Too many requests: at most ${rateKey.max} per ${windowSeconds} s. Retry in ${retryAfterSeconds} s.`)
      return false
    }
    return true
  }

  return (req, res, next) => {
    const identity = { auth: { user: null } as AuthStrategyResult }
    // Everything downstream (Payload's auth among it) runs inside this context and reads `identity`.
    void requestIdentity.run(identity, async () => {
      try {
        const origin = req.get('origin')
        const foreignOrigin = origin && !corsOrigins.includes(origin) ? origin : undefined
        if (req.method === 'OPTIONS' && foreignOrigin && (await knownOrigins()).has(foreignOrigin)) {
          allowOrigin(res, foreignOrigin)
          res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS')
          res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-API-Key')
          res.setHeader('Access-Control-Max-Age', '600')
          res.status(204).end()
          return
        }
        const key = apiKeyOf(req.get('authorization'), req.get('x-api-key'))
        const client = key ? await findActiveApiClient(payload, slugs.apiClients, key) : null
        if (client) {
          if (foreignOrigin) {
            if (!client.allowedOrigins.includes(foreignOrigin)) {
              refuse(res, 403, `This API key may not be used from ${foreignOrigin}.`)
              return
            }
            allowOrigin(res, foreignOrigin)
          }
          identity.auth = { user: apiClientUser(client, slugs.apiClients) }
        } else if (!key && (req.get('authorization') || req.get('cookie'))) {
          // Payload's own strategies, once: this result is what Payload's auth hands on.
          identity.auth = await executeAuthStrategies({
            canSetHeaders: true,
            headers: headersOf(req),
            isGraphQL: req.path === '/graphql',
            payload,
          })
        }
        if (!(await withinLimit(res, rateKeyOf(client, identity.auth, req.ip ?? 'unknown')))) {
          return
        }
        if (key && !client) {
          refuse(res, 401, 'This API key is unknown or has been revoked.')
          return
        }
        const audience: ApiAudience = client ? { kind: 'client', scopes: [...client.scopes].sort() } : identity.auth.user ? { kind: 'user' } : { kind: 'anonymous' }
        res.locals.apiAudience = audience
        if (client) {
          const segments = pathSegments(req.path)
          if (!segments || !isApiClientRouteAllowed(payload, req.method, segments, client.scopes)) {
            refuse(res, 403, 'An API key may only read the published collections and globals in its scopes.')
            return
          }
        }
        next()
      } catch (error) {
        next(error)
      }
    })
  }
}
