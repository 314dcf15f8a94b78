import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { isApiClientRouteAllowed } from './apiClientRoutes'
import { apiPathSegments } from './payloadApi'

export type ApiClientInfo = { allowedOrigins: string[]; id: number | string; rateLimit?: null | number; scopes: string[] }

export type ApiClientDirectory = {
  /** Every origin any active client may call from (answers browsers' preflight requests). */
  allowedOrigins(payload: Payload): Promise<string[]>
  /** The active client a key belongs to, or null for an unknown or revoked key. */
  resolve(payload: Payload, key: string): Promise<ApiClientInfo | null>
}

const keyOf = (authorization: string | undefined, header: string | undefined) =>
  authorization?.match(/^API-Key\s+(\S+)$/i)?.[1] ?? header

const preflightCacheMs = 30_000

/**
 * Checks API keys at the door: a browser page may use a key only from the origins listed for it
 * (403 otherwise), and browsers' CORS preflights are answered for those origins. An unknown or
 * revoked key is only marked here: `refuseUnknownApiKeys` answers it after the rate limiter has
 * counted it against the caller's address, so guessing keys costs the guesser its quota.
 */
export function apiClientAccess(payload: Payload, directory: ApiClientDirectory, globalOrigins: string[]): RequestHandler {
  let cachedOrigins: { at: number; origins: Set<string> } | undefined
  const knownOrigins = async () => {
    if (!cachedOrigins || Date.now() - cachedOrigins.at > preflightCacheMs) {
      cachedOrigins = { at: Date.now(), origins: new Set([...globalOrigins, ...(await directory.allowedOrigins(payload))]) }
    }
    return cachedOrigins.origins
  }
  const allowOrigin = (res: Parameters<RequestHandler>[1], origin: string) => {
    res.setHeader('Access-Control-Allow-Origin', origin)
    res.append('Vary', 'Origin')
  }

  return async (req, res, next) => {
    try {
      const origin = req.get('origin')
      if (req.method === 'OPTIONS' && origin && !globalOrigins.includes(origin) && (await knownOrigins()).has(origin)) {
        allowOrigin(res, origin)
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS')
        res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-API-Key')
        res.setHeader('Access-Control-Max-Age', '600')
        res.status(204).end()
        return
      }
      const key = keyOf(req.get('authorization'), req.get('x-api-key'))
      if (!key) {
        next()
        return
      }
      const client = await directory.resolve(payload, key)
      if (!client) {
        res.locals.unknownApiKey = true
        next()
        return
      }
      if (origin && !globalOrigins.includes(origin)) {
        if (!client.allowedOrigins.includes(origin)) {
          res.status(403).json({ errors: [{ message: `This API key may not be used from ${origin}.` }] })
          return
        }
        allowOrigin(res, origin)
      }
      res.locals.apiClient = client
      next()
    } catch (error) {
      next(error)
    }
  }
}

/** Answers a request marked by `apiClientAccess` as carrying an unknown or revoked key: 401, never served as anonymous. */
export const refuseUnknownApiKeys: RequestHandler = (_req, res, next) => {
  if (res.locals.unknownApiKey) {
    res.status(401).json({ errors: [{ message: 'This API key is unknown or has been revoked.' }] })
    return
  }
  next()
}

/**
 * An API key is a reader of its scopes and nothing else. Payload treats any authenticated
 * request as "signed in" in its built-in collections and endpoints (document locks, preferences,
 * the job queue, `/access`, versions), and a plugin cannot change the access of collections Payload
 * adds after plugins run; so the rule is enforced here, for every route at once, as an allow-list
 * (see isApiClientRouteAllowed). Refusals are 403 with the reason.
 */
export function confineApiClientsToReads(payload: Payload): RequestHandler {
  return (req, res, next) => {
    const client = res.locals.apiClient as ApiClientInfo | undefined
    if (!client) {
      next()
      return
    }
    const segments = apiPathSegments(req.path)
    if (!segments || !isApiClientRouteAllowed(payload, req.method, segments, client.scopes)) {
      res.status(403).json({ errors: [{ message: 'An API key may only read the published collections and globals in its scopes.' }] })
      return
    }
    next()
  }
}
