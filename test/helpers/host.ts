import type { Payload } from 'payload'

import type { Host } from '@/host/createHost'

import { deliveryBoundaryOf } from '@/deliveryBoundary'
import { createHost } from '@/host/createHost'
import { readEnvironment } from '@/lib/env'
import { responseCacheOf } from '@/responseCache'

import { bootPayload, shutdownPayload } from './payload'

export type TestHost = {
  baseUrl: string
  client: ApiClient
  host: Host
  payload: Payload
  stop(): Promise<void>
}

/**
 * Boots Payload and the real express host (API only, no Next) on an ephemeral loopback port.
 * One per test file.
 */
export async function startTestHost(): Promise<TestHost> {
  const payload = await bootPayload()
  const { default: config } = await import('@payload-config')
  const env = readEnvironment()
  const host = await createHost({
    apiMiddleware: [deliveryBoundaryOf(env)],
    cacheMaxAgeSeconds: env.cacheMaxAgeSeconds,
    config,
    isProduction: false,
    jsonBodyMaxBytes: env.jsonBodyMaxBytes,
    responseCache: responseCacheOf,
    servedOverHttps: false,
    shutdownTimeoutMs: 2_000,
    trustProxy: env.trustProxy,
  })
  const address = await host.listen(0, '127.0.0.1')
  const baseUrl = `http://127.0.0.1:${address.port}`
  return {
    baseUrl,
    client: new ApiClient(baseUrl),
    host,
    payload,
    async stop() {
      await new Promise<void>((resolve) => host.server.close(() => resolve()))
      await shutdownPayload(payload)
    },
  }
}

export type Credentials = { email: string; password: string }
export type AuthMode = { cookie: string } | { token: string } | undefined

type RequestOptions = {
  auth?: AuthMode
  body?: BodyInit | object
  headers?: Record<string, string>
}

export type GraphQLResult<T = Record<string, unknown>> = {
  data?: T
  errors?: Array<{ extensions?: Record<string, unknown>; message: string; path?: string[] }>
}

/** Talks to the host over real HTTP, as a browser or an external site would. */
export class ApiClient {
  constructor(readonly baseUrl: string) {}

  async request(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers }
    let body: BodyInit | undefined
    if (options.body instanceof FormData || typeof options.body === 'string' || options.body instanceof Uint8Array) {
      body = options.body as BodyInit
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body)
      headers['content-type'] = 'application/json'
    }
    if (options.auth && 'token' in options.auth) {
      headers.authorization = `JWT ${options.auth.token}`
    } else if (options.auth && 'cookie' in options.auth) {
      headers.cookie = options.auth.cookie
    }
    return fetch(`${this.baseUrl}${path}`, { body, headers, method })
  }

  async json<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<{ body: T; status: number }> {
    const response = await this.request(method, path, options)
    const text = await response.text()
    return { body: (text ? JSON.parse(text) : {}) as T, status: response.status }
  }

  async graphql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    auth?: AuthMode,
  ): Promise<GraphQLResult<T>> {
    const { body } = await this.json<GraphQLResult<T>>('POST', '/api/graphql', { auth, body: { query, variables } })
    return body
  }

  /** Logs in over REST and returns the JWT; the session cookie is available through loginCookie. */
  async login({ email, password }: Credentials): Promise<{ token: string }> {
    const { body, status } = await this.json<{ token?: string }>('POST', '/api/users/login', { body: { email, password } })
    if (status !== 200 || !body.token) {
      throw new Error(`login as ${email} failed with ${status}: ${JSON.stringify(body)}`)
    }
    return { token: body.token }
  }

  async loginCookie({ email, password }: Credentials): Promise<{ cookie: string }> {
    const response = await this.request('POST', '/api/users/login', { body: { email, password } })
    const cookie = response.headers.getSetCookie().find((value) => value.startsWith('payload-token='))
    if (!cookie) {
      throw new Error(`login as ${email} set no session cookie (status ${response.status})`)
    }
    return { cookie: cookie.split(';')[0] }
  }
}
