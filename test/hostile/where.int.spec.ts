import type { CollectionSlug } from 'payload'

import type { TestHost } from '../helpers/host'

import { createHotline, createPartner } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { expectCaseRefused, expectRefusedUnchanged, type HostileCase, whileProbingHealth } from '../helpers/hostile'
import { createUser } from '../helpers/users'

/** Boundary: `where` queries (REST query string, `?where=<JSON>`, urlencoded reads, GraphQL), bounded by boundQueriesBeforeOperation. */
let testHost: TestHost
let editor: { token: string }
const collections: CollectionSlug[] = ['hotlines', 'partners']

beforeAll(async () => {
  testHost = await startTestHost()
  await createUser(testHost.payload, ['admin'])
  editor = await testHost.client.login(await createUser(testHost.payload, ['editor']))
  await createHotline(testHost.payload, { name: 'Hostile hotline' })
  await createPartner(testHost.payload, { contactEmail: 'hidden@example.org' })
  // The GraphQL schema is built on first use (seconds): not part of any case's measurement.
  await testHost.client.graphql('{ Hotlines { totalDocs } }')
})

afterAll(async () => {
  await testHost.stop()
})

/** An `or` of `and`s `levels` deep, as JSON. */
const deepWhere = (levels: number) => {
  let where: Record<string, unknown> = { name: { equals: 'x' } }
  for (let level = 0; level < levels; level += 1) {
    where = { [level % 2 ? 'and' : 'or']: [where] }
  }
  return where
}
/** The same as JSON text, built without recursion: the test's own JSON.stringify would overflow at these depths. */
const deepWhereText = (levels: number) => {
  const keys = Array.from({ length: levels }, (_, level) => (level % 2 ? 'and' : 'or')).reverse()
  return `${keys.map((key) => `{"${key}":[`).join('')}{"name":{"equals":"x"}}${']}'.repeat(levels)}`
}
const jsonWhere = (where: unknown) => `where=${encodeURIComponent(typeof where === 'string' && where.startsWith('{') ? where : JSON.stringify(where))}`
// `asStaff` is read when the case runs: the editor signs in only in beforeAll.
const get = (path: string, asStaff = false) => () => testHost.client.request('GET', path, { auth: asStaff ? editor : undefined })
/** The admin UI's long reads: POST with a urlencoded body and the method override. */
const postRead = (path: string, body: string, asStaff = false) => () =>
  testHost.client.request('POST', path, {
    auth: asStaff ? editor : undefined,
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-payload-http-method-override': 'GET' },
  })
const ids = Array.from({ length: 100_000 }, (_, index) => index + 1)

const cases: HostileCase[] = [
  { name: 'and/or nested 9 levels (JSON where)', expected: /deeper than 8 levels/, request: get(`/api/hotlines?${jsonWhere(deepWhere(9))}`) },
  { name: 'and/or nested 1,000 levels (urlencoded read)', expected: /deeper than 8 levels/, request: postRead('/api/hotlines', jsonWhere(deepWhereText(1000))) },
  { name: 'and/or nested 300 levels in the query string, staff', expected: /deeper than 8 levels/, request: get(`/api/hotlines?${jsonWhere(deepWhereText(300))}`, true) },
  { name: 'and/or nested 5,000 levels in a urlencoded read', expected: /deeper than 8 levels/, request: postRead('/api/hotlines', jsonWhere(deepWhereText(5000)), true) },
  { name: '2,000 sibling conditions in one or', expected: /more than 1000 conditions/, request: postRead('/api/hotlines', jsonWhere({ or: Array.from({ length: 2000 }, (_, index) => ({ name: { equals: `n${index}` } })) })) },
  { name: 'in with 100,000 values (urlencoded read)', expected: /more than 1000 conditions/, request: postRead('/api/hotlines', `where[name][in]=${ids.join(',')}`) },
  { name: 'id in with 100,000 values, staff', expected: /more than 1000 conditions/, request: postRead('/api/hotlines', `where[id][in]=${ids.join(',')}`, true) },
  { name: 'like with 20 % and _ wildcards', expected: /wildcards/, request: get(`/api/hotlines?where[name][like]=${encodeURIComponent('%_'.repeat(10))}`) },
  { name: 'like with a 10,000-character pattern', expected: /at most 200 characters/, request: get(`/api/hotlines?where[name][like]=${'a'.repeat(10_000)}`) },
  { name: 'contains with many wildcards, staff', expected: /wildcards/, request: get(`/api/hotlines?where[name][contains]=${encodeURIComponent('_'.repeat(50))}`, true) },
  { name: 'equals on a staff-only field (partner contact)', expected: /cannot be queried|not allowed|Forbidden/i, request: get('/api/partners?where[contactEmail][equals]=hidden@example.org') },
  { name: 'like on a staff-only field', expected: /cannot be queried|not allowed|Forbidden/i, request: get('/api/partners?where[contactEmail][like]=hidden') },
  { name: 'exists on a staff-only field inside an or', expected: /cannot be queried|not allowed|Forbidden/i, request: get(`/api/partners?${jsonWhere({ or: [{ contactPerson: { exists: true } }] })}`) },
  { name: 'id in with a non-id value', expected: /not a valid id/, request: get('/api/hotlines?where[id][in][]=abc') },
  { name: 'a where that is a bare string', expected: /must be an object/, request: get(`/api/hotlines?${jsonWhere('drop table hotlines')}`) },
  { name: 'a field condition that is an array', expected: /must be an object/, request: get(`/api/hotlines?${jsonWhere({ name: ['x'] })}`) },
]

describe('hostile where queries', () => {
  test.each(cases)('$name is refused with a clear 4xx', (hostileCase) =>
    expectCaseRefused({ baseUrl: testHost.baseUrl, collections, payload: testHost.payload }, hostileCase),
  )

  test('near on a field that is not a point is refused', async () => {
    const { status } = await expectRefusedUnchanged({ baseUrl: testHost.baseUrl, collections, payload: testHost.payload }, async () => {
      const response = await testHost.client.request('GET', '/api/hotlines?where[name][near]=4.35,50.85,1000')
      await response.text()
      return response
    })
    expect(status).toBe(400)
  })

  test('the same deep query through GraphQL variables is refused', async () => {
    const { health, result } = await whileProbingHealth(testHost.baseUrl, () =>
      testHost.client.graphql('query ($w: Hotline_where) { Hotlines(where: $w) { totalDocs } }', { w: deepWhere(12) }),
    )
    expect(result.errors?.[0]?.message).toMatch(/deeper than 8 levels|Variable/)
    expect(result.data?.Hotlines ?? null).toBeNull()
    expect(health.worstMs).toBeLessThan(200)
  })

  test('regex syntax in like is matched literally (escaped on MongoDB, LIKE on SQLite) and answered fast', async () => {
    const { health, result } = await whileProbingHealth(testHost.baseUrl, async () => {
      const response = await testHost.client.request('GET', `/api/hotlines?where[name][like]=${encodeURIComponent('(a+)+$')}`)
      return { body: (await response.json()) as { docs: unknown[] }, status: response.status }
    })
    expect(result.status).toBe(200)
    expect(result.body.docs).toEqual([])
    expect(health.worstMs).toBeLessThan(200)
  })

  test('ordinary queries within the bounds still work', async () => {
    const response = await testHost.client.json<{ totalDocs: number }>('GET', `/api/hotlines?${jsonWhere(deepWhere(7))}`)
    expect(response.status).toBe(200)
    const ids = await testHost.client.json('GET', '/api/hotlines?where[id][in]=1,2,3', { auth: editor })
    expect(ids.status).toBe(typeof (await testHost.payload.find({ collection: 'hotlines', limit: 1 })).docs[0]!.id === 'number' ? 200 : 400)
    const like = await testHost.client.json<{ totalDocs: number }>('GET', '/api/hotlines?where[name][like]=Hostile hot')
    expect(like.body.totalDocs).toBe(1)
  })
})
