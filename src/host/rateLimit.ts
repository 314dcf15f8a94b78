import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { jwtVerify } from 'jose'

import type { ApiClientInfo } from './apiClientAccess'

import { deleteExpiredRateCounters, incrementRateCounter } from '../db'

export type RateLimitOptions = {
  /** Requests per window for an anonymous client (per IP) or an API key. */
  max: number
  /** Requests per window for one signed-in staff user (the admin UI makes many calls). */
  staffMax: number
  windowMs: number
}

const tokenFrom = (authorization: string | undefined, cookie: string | undefined): string | undefined => {
  const bearer = authorization?.match(/^(?:JWT|Bearer)\s+(.+)$/i)?.[1]
  return bearer ?? cookie?.match(/(?:^|;\s*)payload-token=([^;]+)/)?.[1]
}

/**
 * Counts requests per client in fixed windows (opened by the client's first request) stored in the database (src/db.ts), so every app
 * instance on that database shares one count. Clients: an API client (checked by apiClientAccess,
 * with its own limit), a verified staff session (by user id), else the IP address. Past the limit: 429 with
 * Retry-After. A database hiccup lets the request through rather than taking the API down with it.
 */
export function rateLimit(payload: Payload, options: RateLimitOptions): RequestHandler {
  const secret = new TextEncoder().encode(payload.secret)
  let sinceCleanup = 0

  const identify = async (
    apiClient: ApiClientInfo | undefined,
    authorization: string | undefined,
    cookie: string | undefined,
    ip: string,
  ) => {
    if (apiClient) {
      return { key: `client:${String(apiClient.id)}`, max: apiClient.rateLimit ?? options.max }
    }
    const token = tokenFrom(authorization, cookie)
    if (token) {
      try {
        const { payload: claims } = await jwtVerify(token, secret)
        if (claims.collection === 'users' && claims.id !== undefined) {
          return { key: `user:${String(claims.id)}`, max: options.staffMax }
        }
      } catch {
        // An invalid or expired token is simply an anonymous request.
      }
    }
    return { key: `ip:${ip}`, max: options.max }
  }

  return async (req, res, next) => {
    try {
      const client = await identify(res.locals.apiClient as ApiClientInfo | undefined, req.get('authorization'), req.get('cookie'), req.ip ?? 'unknown')
      const { hits, resetAt } = await incrementRateCounter(payload, client.key, options.windowMs)
      const retryAfterSeconds = Math.max(1, Math.ceil((resetAt.getTime() - Date.now()) / 1000))
      res.setHeader('RateLimit-Limit', String(client.max))
      res.setHeader('RateLimit-Remaining', String(Math.max(0, client.max - hits)))
      res.setHeader('RateLimit-Reset', String(retryAfterSeconds))
      if (++sinceCleanup >= 1000) {
        sinceCleanup = 0
        void deleteExpiredRateCounters(payload).catch((error: unknown) => payload.logger.warn({ err: error }, 'rate-limit cleanup failed'))
      }
      if (hits > client.max) {
        res.setHeader('Retry-After', String(retryAfterSeconds))
        res.status(429).json({ errors: [{ message: `Too many requests: at most ${client.max} per ${options.windowMs / 1000} s. Retry in ${retryAfterSeconds} s.` }] })
        return
      }
    } catch (error) {
      payload.logger.warn({ err: error }, 'rate limiting unavailable; request let through')
    }
    next()
  }
}
