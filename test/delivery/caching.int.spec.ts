import type { TestHost } from '../helpers/host'

import { createPhase } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'

process.env.CACHE_MAX_AGE_SECONDS = '120'
process.env.JSON_BODY_MAX_BYTES = String(64 * 1024)

let testHost: TestHost
let auth: { token: string }
let admin: { token: string }

beforeAll(async () => {
  testHost = await startTestHost()
  admin = await testHost.client.login(await createUser(testHost.payload, ['admin']))
  auth = await testHost.client.login(await createUser(testHost.payload, ['editor']))
  await createPhase(testHost.payload, { number: 1, title: 'Planning Phase' })
})

afterAll(async () => {
  await testHost.stop()
})

describe('HTTP caching of public reads', () => {
  test('anonymous GETs carry a strong ETag and public max-age; If-None-Match gives 304 with no body', async () => {
    const first = await testHost.client.request('GET', '/api/phases?locale=nl')
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^"[\w-]{43}"$/)
    expect(first.headers.get('cache-control')).toBe('public, max-age=120')
    await first.text()

    const again = await testHost.client.request('GET', '/api/phases?locale=nl', { headers: { 'if-none-match': etag! } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('etag')).toBe(etag)
  })

  test('the ETag changes when the content changes', async () => {
    const before = (await testHost.client.request('GET', '/api/phases')).headers.get('etag')
    await createPhase(testHost.payload, { number: 2, title: 'Preparation Phase' })
    const response = await testHost.client.request('GET', '/api/phases', { headers: { 'if-none-match': before! } })
    expect(response.status).toBe(200)
    expect(response.headers.get('etag')).not.toBe(before)
  })

  test('authenticated responses are never cacheable and carry no ETag', async () => {
    for (const credentials of [auth, await testHost.client.loginCookie({ email: 'x', password: 'y' }).catch(() => undefined)]) {
      if (!credentials) {
        continue
      }
      const response = await testHost.client.request('GET', '/api/phases?draft=true', { auth: credentials })
      expect(response.headers.get('cache-control')).toBe('private, no-store')
      expect(response.headers.get('etag')).toBeNull()
    }
    const cookieAuth = { cookie: 'payload-token=whatever' }
    const withCookie = await testHost.client.request('GET', '/api/phases', { auth: cookieAuth })
    expect(withCookie.headers.get('cache-control')).toBe('private, no-store')
    expect(withCookie.headers.get('vary')).toMatch(/Authorization.*Cookie/)
  })

  // Finding 9: X-API-Key was not counted as a credential, so a scoped answer went out as `public`.
  test.each([
    ['X-API-Key', (key: string) => ({ 'x-api-key': key })],
    ['Authorization: API-Key', (key: string) => ({ authorization: `API-Key ${key}` })],
  ])('a response to a key in %s is private, has no ETag, and Vary names the header', async (_name, headersFor) => {
    const { body } = await testHost.client.json<{ doc: { apiKey: string } }>('POST', '/api/api-clients', {
      auth: admin,
      body: { name: 'Scoped site', scopes: ['phases'] },
    })
    const response = await testHost.client.request('GET', '/api/phases', { headers: headersFor(body.doc.apiKey) })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect(response.headers.get('etag')).toBeNull()
    expect(response.headers.get('vary')).toMatch(/X-API-Key/)
    await response.text()
  })

  test('any Authorization scheme counts as a credential', async () => {
    const response = await testHost.client.request('GET', '/api/phases', { headers: { authorization: 'Basic dXNlcjpwYXNz' } })
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect(response.headers.get('etag')).toBeNull()
    await response.text()
  })

  test('writes and errors are not cacheable', async () => {
    const missing = await testHost.client.request('GET', '/api/phases/999999')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('cache-control')).toBe('no-store')
  })
})

describe('request body limits', () => {
  test('a JSON body over JSON_BODY_MAX_BYTES is refused with 413 before Payload parses it', async () => {
    const huge = JSON.stringify({ number: 3, title: 'x'.repeat(70 * 1024) })
    const { body, status } = await testHost.client.json('POST', '/api/phases', { auth, body: huge, headers: { 'content-type': 'application/json' } })
    expect(status).toBe(413)
    expect(JSON.stringify(body)).toMatch(/larger than 65536 bytes/)
    expect((await testHost.payload.count({ collection: 'phases', where: { number: { equals: 3 } } })).totalDocs).toBe(0)
  })

  test('a GraphQL body over the limit is refused the same way', async () => {
    const query = `{ Phases { docs { title } } } # ${'x'.repeat(70 * 1024)}`
    const response = await testHost.client.request('POST', '/api/graphql', { body: { query } })
    expect(response.status).toBe(413)
  })
})
