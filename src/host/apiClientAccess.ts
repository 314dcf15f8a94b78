import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

export type ApiClientInfo = { allowedOrigins: string[]; id: number | string; rateLimit?: null | number }

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
 * Checks API keys at the door: an unknown or revoked key is refused at once (401) instead of being
 * served as an anonymous request, and a browser page may use a key only from the origins listed
 * for it (403 otherwise). Browsers' CORS preflights are answered for those origins.
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
        res.status(401).json({ errors: [{ message: 'This API key is unknown or has been revoked.' }] })
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
