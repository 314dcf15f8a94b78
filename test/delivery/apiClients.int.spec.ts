import type { TestHost } from '../helpers/host'

import { createHotline, createPartner, createReport } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'

let testHost: TestHost
let admin: { token: string }

beforeAll(async () => {
  testHost = await startTestHost()
  admin = await testHost.client.login(await createUser(testHost.payload, ['admin']))
  await createHotline(testHost.payload, { name: 'Published hotline' })
  await createHotline(testHost.payload, { name: 'Draft hotline', _status: 'draft' })
  await createPartner(testHost.payload, { name: 'A partner', contactEmail: 'staff-only@example.org' })
  await createReport(testHost.payload, { title: 'Public report' })
})

afterAll(async () => {
  await testHost.stop()
})

type Created = { doc: { apiKey?: string; id: number | string; keyHash?: string; keyHint: string } }

async function createClient(body: Record<string, unknown>) {
  const { body: created, status } = await testHost.client.json<Created>('POST', '/api/api-clients', { auth: admin, body })
  expect(status).toBe(201)
  return { id: created.doc.id, key: created.doc.apiKey!, response: created.doc }
}

const withKey = (key: string, headers: Record<string, string> = {}) => ({ headers: { authorization: `API-Key ${key}`, ...headers } })

describe('API clients', () => {
  test('the key is shown once at creation and stored only as a hash', async () => {
    const { id, key, response } = await createClient({ name: 'Programme website', scopes: ['hotlines'] })
    expect(key).toMatch(/^jec_[\w-]{43}$/)
    expect(response.keyHint).toBe(`${key.slice(0, 8)}…${key.slice(-4)}`)
    expect(response).not.toHaveProperty('keyHash')

    const read = await testHost.client.json<Record<string, unknown>>('GET', `/api/api-clients/${id}`, { auth: admin })
    expect(read.body).not.toHaveProperty('apiKey')
    expect(read.body).not.toHaveProperty('keyHash')
    expect(JSON.stringify(read.body)).not.toContain(key)

    const stored = await testHost.payload.db.findOne({ collection: 'api-clients', where: { id: { equals: id } } })
    expect(JSON.stringify(stored)).not.toContain(key)
  })

  test('only admins manage API clients', async () => {
    const editor = await testHost.client.login(await createUser(testHost.payload, ['editor']))
    expect((await testHost.client.json('POST', '/api/api-clients', { auth: editor, body: { name: 'x', scopes: ['hotlines'] } })).status).toBe(403)
    expect((await testHost.client.json<{ docs?: unknown[] }>('GET', '/api/api-clients', { auth: editor })).status).toBe(403)
  })

  test('a client reads published documents of its scopes only, without staff-only fields', async () => {
    const { key } = await createClient({ name: 'Hotline widget', scopes: ['hotlines', 'partners'] })
    const hotlines = await testHost.client.json<{ docs: Array<{ name: string }> }>('GET', '/api/hotlines?draft=true', withKey(key))
    expect(hotlines.status).toBe(200)
    expect(hotlines.body.docs.map((doc) => doc.name)).toEqual(['Published hotline'])
    const partners = await testHost.client.json('GET', '/api/partners', withKey(key))
    expect(JSON.stringify(partners.body)).not.toContain('staff-only@example.org')

    expect((await testHost.client.json('GET', '/api/reports', withKey(key))).status).toBe(403)
    const graphql = await testHost.client.request('POST', '/api/graphql', {
      body: { query: '{ Reports { docs { title } } Hotlines { docs { name } } }' },
      ...withKey(key),
    })
    const result = (await graphql.json()) as { data?: { Hotlines?: { docs: unknown[] }; Reports: unknown }; errors?: unknown[] }
    expect(result.errors?.length).toBeGreaterThan(0)
    expect(JSON.stringify(result)).not.toContain('Public report')
  })

  test('a revoked key fails at once with 401', async () => {
    const { id, key } = await createClient({ name: 'Old partner site', scopes: ['hotlines'] })
    expect((await testHost.client.json('GET', '/api/hotlines', withKey(key))).status).toBe(200)
    await testHost.client.json('PATCH', `/api/api-clients/${id}`, { auth: admin, body: { revokedAt: new Date().toISOString() } })
    const refused = await testHost.client.json('GET', '/api/hotlines', withKey(key))
    expect(refused.status).toBe(401)
    expect(JSON.stringify(refused.body)).toMatch(/unknown or has been revoked/)
    expect((await testHost.client.json('GET', '/api/hotlines', withKey('jec_made-up-key'))).status).toBe(401)
  })

  test('rotating issues a new key and retires the old one', async () => {
    const { id, key } = await createClient({ name: 'Rotating', scopes: ['hotlines'] })
    const rotated = await testHost.client.json<{ apiKey: string }>('POST', `/api/api-clients/${id}/rotate`, { auth: admin })
    expect(rotated.status).toBe(200)
    expect(rotated.body.apiKey).not.toBe(key)
    expect((await testHost.client.json('GET', '/api/hotlines', withKey(key))).status).toBe(401)
    expect((await testHost.client.json('GET', '/api/hotlines', withKey(rotated.body.apiKey))).status).toBe(200)
  })

  test('a key works from browser pages on its allowed origins only', async () => {
    const { key } = await createClient({ name: 'Widget', allowedOrigins: [{ origin: 'https://widget.example.org' }], scopes: ['hotlines'] })
    const allowed = await testHost.client.request('GET', '/api/hotlines', withKey(key, { origin: 'https://widget.example.org' }))
    expect(allowed.status).toBe(200)
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://widget.example.org')
    const elsewhere = await testHost.client.request('GET', '/api/hotlines', withKey(key, { origin: 'https://evil.example.com' }))
    expect(elsewhere.status).toBe(403)

    const preflight = await testHost.client.request('OPTIONS', '/api/graphql', {
      headers: { 'access-control-request-headers': 'authorization', 'access-control-request-method': 'POST', origin: 'https://widget.example.org' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/)
  })

  test('each client has its own rate limit', async () => {
    const { key } = await createClient({ name: 'Tiny quota', rateLimit: 3, scopes: ['hotlines'] })
    const statuses: number[] = []
    for (let index = 0; index < 4; index += 1) {
      statuses.push((await testHost.client.request('GET', '/api/hotlines', withKey(key))).status)
    }
    expect(statuses).toEqual([200, 200, 200, 429])
  })
})
