import type { ErrorRequestHandler, Express, RequestHandler } from 'express'
import type { AddressInfo } from 'node:net'
import type { Payload, SanitizedConfig } from 'payload'

import compression from 'compression'
import express from 'express'
import http from 'node:http'
import { getPayload } from 'payload'

import { closeDatabase, pingDatabase } from '../db'
import { rememberClientAddress } from './clientAddress'
import { type ApiCache, payloadApi } from './payloadApi'
import { assignRequestId } from './requestId'
import { securityHeaders } from './securityHeaders'

export type HostOptions = {
  /**
   * Middleware mounted on /api in front of Payload's API, made once Payload is up (the delivery
   * API's door: plugins/delivery-api's createDeliveryBoundary). The host itself knows no API keys,
   * rate limits or clients.
   */
  apiMiddleware?: Array<(payload: Payload) => RequestHandler>
  /** Seconds anonymous API responses may be cached. */
  cacheMaxAgeSeconds: number
  config: Promise<SanitizedConfig>
  isProduction: boolean
  /** Ceiling for JSON and GraphQL request bodies. */
  jsonBodyMaxBytes: number
  /** Node's keep-alive and header timeouts, above the load balancer's idle timeout (docs/deployment.md). */
  keepAliveTimeoutMs?: number
  headersTimeoutMs?: number
  /** The public URL is HTTPS: send HSTS and ask browsers to upgrade insecure requests. */
  servedOverHttps: boolean
  /** Serves everything outside /api (the admin UI); absent when only the API is wanted, as in tests. */
  nextHandler?: RequestHandler
  /** A server-side cache around Payload's API, made once Payload is up (src/responseCache.ts). */
  responseCache?: (payload: Payload) => ApiCache | undefined
  /** Run Payload's job queue on its cron in this process. */
  runJobs?: boolean
  /** How long in-flight requests may take to finish once shutdown starts. */
  shutdownTimeoutMs: number
  /** Express "trust proxy" hop count, for the client IP behind proxies. */
  trustProxy: number
}

export type Host = {
  app: Express
  listen(port: number, hostname: string): Promise<AddressInfo>
  payload: Payload
  server: http.Server
  /** Stops accepting, lets in-flight requests finish (or cuts them at the timeout), closes the database. */
  shutdown(): Promise<void>
}

const readinessTimeoutMs = 2_000

export async function createHost(options: HostOptions): Promise<Host> {
  const payload = await getPayload({ config: options.config, cron: options.runJobs ?? false })
  const app = express()
  const server = http.createServer(app)
  if (options.keepAliveTimeoutMs !== undefined) {
    server.keepAliveTimeout = options.keepAliveTimeoutMs
  }
  if (options.headersTimeoutMs !== undefined) {
    server.headersTimeout = options.headersTimeoutMs
  }
  let shuttingDown = false
  let shutdownPromise: Promise<void> | undefined

  app.disable('x-powered-by')
  app.set('trust proxy', options.trustProxy)
  app.use(assignRequestId)
  app.use((req, res, next) => {
    const started = process.hrtime.bigint()
    // Keep-alive connections would otherwise hold the server open after shutdown begins.
    if (shuttingDown) {
      res.setHeader('connection', 'close')
    }
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6
      payload.logger.info(
        { durationMs: Math.round(durationMs), method: req.method, path: req.path, status: res.statusCode },
        'request',
      )
    })
    next()
  })

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) })
  })
  app.get('/readyz', async (_req, res) => {
    if (shuttingDown) {
      res.status(503).json({ reason: 'shutting down', status: 'unavailable' })
      return
    }
    try {
      await pingDatabase(payload, readinessTimeoutMs)
      res.json({ status: 'ready' })
    } catch (error) {
      res.status(503).json({ reason: (error as Error).message, status: 'unavailable' })
    }
  })

  app.use(securityHeaders(options))
  app.use(compression())
  // No body parser anywhere before this: Payload reads the raw request body itself.
  app.use('/api', rememberClientAddress)
  for (const middleware of options.apiMiddleware ?? []) {
    app.use('/api', middleware(payload))
  }
  app.use(
    '/api',
    payloadApi({
      cache: options.responseCache?.(payload),
      cacheMaxAgeSeconds: options.cacheMaxAgeSeconds,
      config: options.config,
      maxBodyBytes: options.jsonBodyMaxBytes,
    }),
  )
  // Express's own error page prints the stack (file paths, code) outside production: an API
  // failure answers JSON that names nothing, and the error goes to the log.
  app.use('/api', ((error, req, res, next) => {
    if (res.headersSent) {
      next(error)
      return
    }
    payload.logger.error({ err: error, path: req.path }, 'unhandled API error')
    res.status(500).json({ errors: [{ message: 'Something went wrong.' }] })
  }) as ErrorRequestHandler)
  if (options.nextHandler) {
    app.all('/{*splat}', options.nextHandler)
  }

  return {
    app,
    listen(port, hostname) {
      return new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, hostname, () => {
          server.off('error', reject)
          resolve(server.address() as AddressInfo)
        })
      })
    },
    payload,
    server,
    shutdown() {
      shutdownPromise ??= (async () => {
        shuttingDown = true
        const closed = new Promise<void>((resolve) => server.close(() => resolve()))
        server.closeIdleConnections()
        const timer = setTimeout(() => {
          payload.logger.warn(`shutdown: cutting requests still running after ${options.shutdownTimeoutMs} ms`)
          server.closeAllConnections()
        }, options.shutdownTimeoutMs)
        await closed
        clearTimeout(timer)
        await closeDatabase(payload)
      })()
      return shutdownPromise
    },
  }
}
