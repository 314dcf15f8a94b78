import { verifyWebhookSignature } from '@plugins/delivery-api'
import http from 'node:http'

/**
 * The server-side response cache (plugins/response-cache) through the real host, in-process store:
 * what it stores, for whom, and that every kind of write a user can make through the API voids the
 * answers it changes before the write's response returns. The shared Redis store and several
 * instances: test/delivery/multiInstance.int.spec.ts.
 */
import type { TestHost } from '../helpers/host'
import type { TestUser } from '../helpers/users'

import { createDeliverable, createHotline, createPartner, createPhase, releasePhase } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'

let testHost: TestHost
let editor: { token: string }
let editorUser: TestUser
// A stand-in for a CDN's purge-by-tag API (the one external service here).
const purges: Array<{ authorization?: string; body: string; signature?: string }> = []
const cdn = http.createServer((req, res) => {
  let body = ''
  req.on('data', (chunk: Buffer) => (body += chunk.toString()))
  req.on('end', () => {
    purges.push({ authorization: req.headers.authorization, body, signature: req.headers['x-jec-signature'] as string | undefined })
    res.writeHead(200).end('{}')
  })
})
const purgeToken = 'cdn-purge-token-for-tests-0123456789'

const get = async (path: string, init: { auth?: { token: string } } = {}) => {
  const response = await testHost.client.request('GET', path, init)
  return { body: (await response.json()) as Record<string, unknown> & { docs?: Array<Record<string, unknown>> }, cache: response.headers.get('x-cache'), headers: response.headers }
}

beforeAll(async () => {
  await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve))
  process.env.CDN_PURGE_URL = `http://127.0.0.1:${(cdn.address() as { port: number }).port}/purge`
  process.env.CDN_PURGE_TOKEN = purgeToken
  testHost = await startTestHost()
  editorUser = await createUser(testHost.payload, ['editor'])
  editor = await testHost.client.login(editorUser)
})

afterAll(async () => {
  await testHost.stop()
  await new Promise((resolve) => cdn.close(resolve))
})

describe('what is stored', () => {
  test('an anonymous list is computed once, then served from the cache with the tags of what it read', async () => {
    const hotline = await createHotline(testHost.payload, { country: 'AT' })
    const path = `/api/hotlines?where[country][equals]=AT&locale=en`
    const first = await get(path)
    expect(first.cache).toBe('MISS')
    const second = await get(path)
    expect(second.cache).toBe('HIT')
    expect(second.body).toEqual(first.body)
    const tags = second.headers.get('cache-tag')!.split(',')
    expect(tags).toEqual(expect.arrayContaining(['c:hotlines', 'l:hotlines']))
    expect(second.headers.get('surrogate-key')!.split(' ')).toEqual(tags)
    // The same query with its parameters in another order is the same answer.
    expect((await get(`/api/hotlines?locale=en&where[country][equals]=AT`)).cache).toBe('HIT')
    expect((first.body.docs ?? []).map(({ id }) => id)).toEqual([hotline.id])
  })

  test('a single document is tagged with itself and with every relation it populated', async () => {
    const phase = await createPhase(testHost.payload, { number: 2 })
    await releasePhase(testHost.payload, phase.id)
    const partner = await createPartner(testHost.payload)
    const deliverable = await createDeliverable(testHost.payload, { phase: phase.id, responsiblePartners: [partner.id] })
    const answer = await get(`/api/deliverables/${deliverable.id}?depth=1`)
    expect(answer.cache).toBe('MISS')
    const tags = answer.headers.get('cache-tag')!.split(',')
    expect(tags).toEqual(expect.arrayContaining([`d:deliverables:${deliverable.id}`, `d:partners:${partner.id}`, `d:phases:${phase.id}`]))
    // The gate's lookup of released phases is an access rule's query: it tags the answer too.
    expect(tags).toEqual(expect.arrayContaining(['l:gates']))
  })

  test('signed-in staff are never served from, nor stored in, the cache', async () => {
    await createHotline(testHost.payload, { name: 'Draft line', _status: 'draft', country: 'CZ' })
    const path = '/api/hotlines?where[country][equals]=CZ&draft=true'
    const staff = await get(path, { auth: editor })
    expect(staff.cache).toBeNull()
    expect(staff.body.docs?.map(({ name }) => name)).toContain('Draft line')
    const anonymous = await get(path)
    expect(anonymous.cache).toBe('MISS')
    expect(anonymous.body.docs?.map(({ name }) => name)).not.toContain('Draft line')
    expect((await get(path, { auth: editor })).body.docs?.map(({ name }) => name)).toContain('Draft line')
  })

  test('a request with any cookie is not cached (its answer may be personal)', async () => {
    const response = await testHost.client.request('GET', '/api/hotlines?limit=1', { headers: { cookie: 'site-preference=dark' } })
    expect(response.headers.get('x-cache')).toBeNull()
  })

  test('GraphQL queries are cached by their normalised text; mutations never', async () => {
    await createHotline(testHost.payload, { name: 'Danish line', country: 'DK' })
    const query = (spacing: string) => ({ query: `query {${spacing}Hotlines(where: { country: { equals: DK } }) { docs { name } } }` })
    const first = await testHost.client.request('POST', '/api/graphql', { body: query(' ') })
    expect(first.headers.get('x-cache')).toBe('MISS')
    const again = await testHost.client.request('POST', '/api/graphql', { body: query('\n   # the same query\n  ') })
    expect(again.headers.get('x-cache')).toBe('HIT')
    expect(await again.json()).toEqual(await first.json())
    const mutation = await testHost.client.request('POST', '/api/graphql', { body: { query: 'mutation { logout }' } })
    expect(mutation.headers.get('x-cache')).toBeNull()
  })

  test('API clients share answers only with clients of the same scopes, never with anonymous readers', async () => {
    const admin = await testHost.client.login(await createUser(testHost.payload, ['admin']))
    const keyFor = async (name: string, scopes: string[]) => {
      const { body } = await testHost.client.json<{ doc: { apiKey: string } }>('POST', '/api/api-clients', { auth: admin, body: { name, scopes } })
      return { headers: { authorization: `API-Key ${body.doc.apiKey}` } }
    }
    const phase = await createPhase(testHost.payload, { number: 5 })
    await releasePhase(testHost.payload, phase.id)
    const partner = await createPartner(testHost.payload, { name: 'Partner shown to partner scopes' })
    const deliverable = await createDeliverable(testHost.payload, { phase: phase.id, responsiblePartners: [partner.id] })
    const path = `/api/deliverables/${deliverable.id}?depth=1`
    const read = async (init: { headers?: Record<string, string> }) => {
      const response = await testHost.client.request('GET', path, init)
      return { body: (await response.json()) as { responsiblePartners: unknown[] }, cache: response.headers.get('x-cache') }
    }
    const narrow = await keyFor('Website', ['deliverables', 'phases'])
    const sameScopes = await keyFor('Second website', ['phases', 'deliverables'])
    const wide = await keyFor('Partner site', ['deliverables', 'phases', 'partners'])

    const wideFirst = await read(wide)
    expect(wideFirst.cache).toBe('MISS')
    expect(wideFirst.body.responsiblePartners).toEqual([expect.objectContaining({ name: 'Partner shown to partner scopes' })])
    const narrowFirst = await read(narrow)
    expect(narrowFirst.cache).toBe('MISS')
    // Without the partners scope the relation stays an id: the wide client's answer was not reused.
    expect(narrowFirst.body.responsiblePartners).toEqual([partner.id])
    expect((await read(sameScopes)).cache).toBe('HIT')
    expect((await read({})).cache).toBe('MISS')
  })

  test('errors and refusals are not stored', async () => {
    const missing = await testHost.client.request('GET', '/api/hotlines/999999999')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('x-cache')).toBeNull()
  })
})

describe('no stale read after a write has returned', () => {
  const phoneOf = async (id: number | string) => (await get(`/api/hotlines/${id}`)).body.phone

  test('an update over REST voids the document and the lists it is in', async () => {
    const hotline = await createHotline(testHost.payload, { country: 'EE', phone: '+3726612345' })
    const list = '/api/hotlines?where[country][equals]=EE'
    await get(list)
    expect((await get(list)).cache).toBe('HIT')
    expect(await phoneOf(hotline.id)).toBe('+3726612345')
    const patched = await testHost.client.request('PATCH', `/api/hotlines/${hotline.id}`, { auth: editor, body: { phone: '+3726699999' } })
    expect(patched.status).toBe(200)
    expect(await phoneOf(hotline.id)).toBe('+3726699999')
    const fresh = await get(list)
    expect(fresh.cache).toBe('MISS')
    expect(fresh.body.docs?.[0]?.phone).toBe('+3726699999')
  })

  test('a relation changed elsewhere voids the answers that populated it', async () => {
    const phase = await createPhase(testHost.payload, { number: 3 })
    await releasePhase(testHost.payload, phase.id)
    const partner = await createPartner(testHost.payload, { name: 'Old partner name' })
    const deliverable = await createDeliverable(testHost.payload, { phase: phase.id, responsiblePartners: [partner.id] })
    const path = `/api/deliverables/${deliverable.id}?depth=1`
    await get(path)
    expect((await get(path)).cache).toBe('HIT')
    await testHost.client.request('PATCH', `/api/partners/${partner.id}`, { auth: editor, body: { name: 'New partner name' } })
    const after = await get(path)
    expect(after.cache).toBe('MISS')
    expect((after.body.responsiblePartners as Array<{ name: string }>)[0]!.name).toBe('New partner name')
  })

  test('an unrelated document changing leaves a single-document answer in the cache', async () => {
    const kept = await createHotline(testHost.payload, { country: 'FI' })
    const other = await createHotline(testHost.payload, { country: 'FI' })
    await get(`/api/hotlines/${kept.id}`)
    await testHost.client.request('PATCH', `/api/hotlines/${other.id}`, { auth: editor, body: { name: 'Renamed' } })
    expect((await get(`/api/hotlines/${kept.id}`)).cache).toBe('HIT')
  })

  test('unpublishing, bulk updates by where, deleting and restoring a version are all seen at once', async () => {
    const hotline = await createHotline(testHost.payload, { country: 'GR', phone: '+302101234567' })
    const list = '/api/hotlines?where[country][equals]=GR'
    const names = async () => (await get(list)).body.docs?.map(({ name }) => name)

    await get(list)
    await testHost.client.request('PATCH', `/api/hotlines/${hotline.id}`, { auth: editor, body: { _status: 'draft' } })
    expect(await names()).toEqual([])

    await testHost.client.request('PATCH', `/api/hotlines/${hotline.id}`, { auth: editor, body: { name: 'Version one', _status: 'published' } })
    expect(await names()).toEqual(['Version one'])

    const bulk = await testHost.client.request('PATCH', `/api/hotlines?where[country][equals]=GR`, { auth: editor, body: { name: 'Bulk renamed' } })
    expect(bulk.status).toBe(200)
    expect(await names()).toEqual(['Bulk renamed'])

    const versions = (await (await testHost.client.request('GET', `/api/hotlines/versions?where[parent][equals]=${hotline.id}&sort=createdAt`, { auth: editor })).json()) as {
      docs: Array<{ id: number | string; version: { name: string } }>
    }
    const first = versions.docs.find(({ version }) => version.name === 'Version one')!
    const restored = await testHost.client.request('POST', `/api/hotlines/versions/${first.id}`, { auth: editor })
    expect(restored.status).toBe(200)
    expect(await names()).toEqual(['Version one'])

    await testHost.client.request('DELETE', `/api/hotlines/${hotline.id}`, { auth: editor })
    expect(await names()).toEqual([])
  })

  test('a draft translation changes nothing public; publishing that one locale is seen at once in it', async () => {
    const hotline = await createHotline(testHost.payload, { name: 'Irish line', country: 'IE' })
    const nameIn = async (locale: string) => (await get(`/api/hotlines/${hotline.id}?locale=${locale}`)).body.name
    expect(await nameIn('nl')).toBe('Irish line')
    const draft = await testHost.client.request('PATCH', `/api/hotlines/${hotline.id}?locale=nl&draft=true`, { auth: editor, body: { name: 'Ierse lijn' } })
    expect(draft.status).toBe(200)
    expect(await nameIn('nl')).toBe('Irish line')
    const published = await testHost.client.request('PATCH', `/api/hotlines/${hotline.id}?locale=nl`, {
      auth: editor,
      body: { name: 'Ierse lijn', _status: 'published' },
    })
    expect(published.status).toBe(200)
    expect(await nameIn('nl')).toBe('Ierse lijn')
    expect(await nameIn('en')).toBe('Irish line')
  })

  test('a gate decision releases its phase’s deliverables to the next read', async () => {
    const phase = await createPhase(testHost.payload, { number: 4 })
    await createDeliverable(testHost.payload, { phase: phase.id, title: 'Held back until the gate' })
    const path = `/api/deliverables?where[phase][equals]=${phase.id}`
    expect((await get(path)).body.docs).toEqual([])
    expect((await get(path)).cache).toBe('HIT')
    await releasePhase(testHost.payload, phase.id)
    const after = await get(path)
    expect(after.cache).toBe('MISS')
    expect(after.body.docs?.map(({ title }) => title)).toEqual(['Held back until the gate'])
  })

  test('the tags a write voids are sent to the CDN, signed, without holding up the write', async () => {
    const hotline = await createHotline(testHost.payload, { country: 'HU' })
    purges.length = 0
    await testHost.client.request('PATCH', `/api/hotlines/${hotline.id}`, { auth: editor, body: { name: 'Purged at the CDN' } })
    const deadline = Date.now() + 5_000
    while (!purges.some(({ body }) => body.includes(`d:hotlines:${hotline.id}`)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const purge = purges.find(({ body }) => body.includes(`d:hotlines:${hotline.id}`))!
    expect((JSON.parse(purge.body) as { tags: string[] }).tags).toEqual(expect.arrayContaining([`d:hotlines:${hotline.id}`, 'l:hotlines']))
    expect(purge.authorization).toBe(`Bearer ${purgeToken}`)
    expect(verifyWebhookSignature({ body: purge.body, header: purge.signature!, secret: purgeToken })).toBe(true)
    expect(verifyWebhookSignature({ body: purge.body, header: purge.signature!, secret: 'another secret' })).toBe(false)
  })

  test('a programme-settings save voids the answers that read the global', async () => {
    const path = '/api/globals/programme'
    const before = await get(path)
    expect(before.headers.get('cache-tag')).toContain('g:programme')
    expect((await get(path)).cache).toBe('HIT')
    const admin = await testHost.client.login(await createUser(testHost.payload, ['admin']))
    const saved = await testHost.client.request('POST', path, { auth: admin, body: { name: 'Joint Efforts', contactEmail: 'office@joint-efforts.example' } })
    expect(saved.status).toBe(200)
    const after = await get(path)
    expect(after.cache).toBe('MISS')
    expect(after.body.contactEmail).toBe('office@joint-efforts.example')
  })
})
