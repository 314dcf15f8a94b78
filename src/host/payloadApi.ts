import type { RequestHandler } from 'express'
import type { SanitizedConfig } from 'payload'

import { GRAPHQL_PLAYGROUND_GET, GRAPHQL_POST, REST_GET } from '@payloadcms/next/routes'

import { BodyTooLargeError, sendWebResponse, toWebRequest } from '../lib/webBridge'
import { withHttpCaching } from './httpCaching'
import { graphqlBodyProblem, jsonBodyProblem } from './jsonBodyGuard'
import { isUnservedRoute } from './unservedRoutes'

/**
 * A server-side cache around Payload's API (src/responseCache.ts): answers from it or calls
 * `produce`. `locals` is what the middleware in front of the API established (express res.locals).
 */
export type ApiCache = (
  incoming: { body?: Uint8Array; locals: Record<string, unknown>; request: Request },
  produce: () => Promise<Response>,
) => Promise<Response>

export type PayloadApiOptions = {
  /** Seconds anonymous GET responses may be cached. */
  cacheMaxAgeSeconds: number
  cache?: ApiCache
  config: Promise<SanitizedConfig>
  /** Ceiling for JSON and GraphQL bodies; uploads have their own (UPLOAD_MAX_BYTES). */
  maxBodyBytes: number
}

/**
 * The decoded path segments below `/api`, or undefined when the path is not valid percent-encoding
 * (answered 400 rather than failing inside a handler).
 */
export function apiPathSegments(path: string): string[] | undefined {
  try {
    return path.split('/').filter(Boolean).map(decodeURIComponent)
  } catch {
    return undefined
  }
}

/**
 * Serves Payload's REST and GraphQL API straight from express, with the same handlers Next's route
 * files export. The API then behaves identically in development, production and tests, and skips a
 * pass through Next's router on every call.
 */
export function payloadApi({ cache, cacheMaxAgeSeconds, config, maxBodyBytes }: PayloadApiOptions): RequestHandler {
  // Payload builds one handler per method from the same function, so one serves them all.
  const rest = REST_GET(config)
  const graphql = GRAPHQL_POST(config)
  const playground = GRAPHQL_PLAYGROUND_GET(config)
  let sanitized: SanitizedConfig | undefined

  return async (req, res, next) => {
    try {
      const segments = apiPathSegments(req.path)
      if (!segments) {
        res.status(400).json({ errors: [{ message: 'The path is not valid percent-encoding.' }] })
        return
      }
      sanitized ??= await config
      if (isUnservedRoute(sanitized, segments)) {
        res.status(404).json({ errors: [{ message: 'Not Found' }] })
        return
      }
      const request = await toWebRequest(req, maxBodyBytes)
      const isUpload = (req.get('content-type') ?? '').startsWith('multipart/')
      let body: Uint8Array | undefined
      if (request.body && !isUpload) {
        body = new Uint8Array(await request.clone().arrayBuffer())
        const problem = jsonBodyProblem(req.get('content-type'), body) ?? (req.path === '/graphql' && body.length ? graphqlBodyProblem(req.get('content-type'), body) : undefined)
        if (problem) {
          res.status(problem.status).json({ errors: [{ message: problem.message }] })
          return
        }
      }
      const produce = () => {
        if (req.path === '/graphql' && req.method === 'POST') {
          return graphql(request)
        }
        if (req.path === '/graphql-playground' && req.method === 'GET') {
          return playground(request)
        }
        return rest(request, { params: Promise.resolve({ slug: segments }) })
      }
      const response = cache ? await cache({ body, locals: res.locals, request }, produce) : await produce()
      // A refused upload may leave part of its body unread: the connection cannot be reused then,
      // or the next request on it would be parsed out of the leftover bytes.
      if (!req.complete) {
        res.setHeader('connection', 'close')
      }
      await sendWebResponse(await withHttpCaching(request, response, cacheMaxAgeSeconds), res)
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        res.setHeader('connection', 'close')
        res.status(413).json({ errors: [{ message: error.message }] })
        return
      }
      next(error)
    }
  }
}
