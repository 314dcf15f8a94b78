import { closeDatabase } from '@/db'

import type { TestHost } from '../helpers/host'

import { startTestHost } from '../helpers/host'

let testHost: TestHost

beforeAll(async () => {
  testHost = await startTestHost()
})

afterAll(async () => {
  await testHost.stop()
})

describe('express host', () => {
  test('GET /healthz answers while the process is alive', async () => {
    const response = await fetch(`${testHost.baseUrl}/healthz`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/application\/json/)
    expect(await response.json()).toMatchObject({ status: 'ok' })
  })

  test('every response carries a request id, reusing a well-formed incoming one', async () => {
    const fresh = await fetch(`${testHost.baseUrl}/healthz`)
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)

    const reused = await fetch(`${testHost.baseUrl}/api/users/me`, { headers: { 'x-request-id': 'edge-42.a' } })
    expect(reused.headers.get('x-request-id')).toBe('edge-42.a')

    const hostile = await fetch(`${testHost.baseUrl}/healthz`, { headers: { 'x-request-id': 'a b\tc<script>' } })
    expect(hostile.headers.get('x-request-id')).not.toContain('<script>')
  })

  test('security headers are set on API responses', async () => {
    const response = await fetch(`${testHost.baseUrl}/api/users/me`)
    expect(response.headers.get('content-security-policy')).toContain("object-src 'none'")
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('x-powered-by')).toBeNull()
  })

  test('large JSON responses are compressed when the client accepts it', async () => {
    const response = await fetch(`${testHost.baseUrl}/api/access`, { headers: { 'accept-encoding': 'gzip' } })
    expect(response.status).toBe(200)
    // fetch decodes transparently, so the header is the evidence.
    const encoding = response.headers.get('content-encoding')
    const length = Number(response.headers.get('content-length') ?? 0)
    expect(encoding === 'gzip' || length < 1024).toBe(true)
  })

  // Last: it closes this file's database.
  test('GET /readyz is 200 while the database answers and 503 with the reason once it is closed', async () => {
    const ready = await fetch(`${testHost.baseUrl}/readyz`)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ status: 'ready' })

    await closeDatabase(testHost.payload)

    const started = Date.now()
    const unavailable = await fetch(`${testHost.baseUrl}/readyz`)
    expect(unavailable.status).toBe(503)
    expect(await unavailable.json()).toMatchObject({ reason: expect.stringMatching(/closed|did not answer/), status: 'unavailable' })
    expect(Date.now() - started).toBeLessThan(2_500)
  })
})
