import type { TestHost } from '../helpers/host'

import { createPhase } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'

let testHost: TestHost
let auth: { token: string }
let apiKey: string

beforeAll(async () => {
  testHost = await startTestHost()
  const admin = await testHost.client.login(await createUser(testHost.payload, ['admin']))
  auth = await testHost.client.login(await createUser(testHost.payload, ['editor']))
  await createPhase(testHost.payload, { number: 1, title: 'Planning Phase' })
  const { body } = await testHost.client.json<{ doc: { apiKey: string } }>('POST', '/api/api-clients', {
    auth: admin,
    body: { name: 'Site', scopes: ['phases'] },
  })
  apiKey = body.doc.apiKey
})

afterAll(async () => {
  await testHost.stop()
})

describe('public REST limits', () => {
  test.each([
    ['/api/phases?limit=101', /limit must be between 1 and 100/],
    ['/api/phases?limit=100000', /limit must be between 1 and 100/],
    ['/api/deliverables?depth=3', /depth may be at most 2/],
    ['/api/hotlines?depth=10&limit=5', /depth may be at most 2/],
  ])('%s is refused with 400 naming the limit', async (path, message) => {
    const { body, status } = await testHost.client.json('GET', path)
    expect(status).toBe(400)
    expect(JSON.stringify(body)).toMatch(message)
  })

  // Finding 7: `pagination=false` returned every document with `limit: 0` to anonymous callers.
  test.each([
    ['anonymous', (): Record<string, string> => ({})],
    ['an API key', (): Record<string, string> => ({ 'x-api-key': apiKey })],
  ])('pagination=false from %s is refused with 400, as is limit=0', async (_who, headersFor) => {
    const options = { headers: headersFor() }
    for (const path of ['/api/phases?pagination=false', '/api/phases?pagination=false&limit=5', '/api/phases?limit=0']) {
      const { body, status } = await testHost.client.json('GET', path, options)
      expect(status).toBe(400)
      expect(JSON.stringify(body)).toMatch(/pagination=false is for staff only|limit must be between 1 and 100/)
    }
  })

  test('staff keep pagination=false', async () => {
    const { body, status } = await testHost.client.json<{ docs: unknown[]; totalDocs: number }>('GET', '/api/phases?pagination=false', { auth })
    expect(status).toBe(200)
    expect(body.docs.length).toBeGreaterThan(0)
    expect(body.docs.length).toBe(body.totalDocs)
  })

  test('within the limits, and for staff, the same reads work', async () => {
    expect((await testHost.client.json('GET', '/api/phases?limit=100&depth=2')).status).toBe(200)
    expect((await testHost.client.json('GET', '/api/phases?limit=500&depth=3', { auth })).status).toBe(200)
  })
})

describe('GraphQL limits', () => {
  /**
   * Runs a query while counting the database reads it causes: a refused query must cost none, which
   * says "refused before it runs" without a timing that a loaded machine could break.
   */
  const counted = async (query: string) => {
    const { db } = testHost.payload
    const find = db.find
    let reads = 0
    db.find = (async (...args: Parameters<typeof find>) => {
      reads += 1
      return find.apply(db, args)
    }) as typeof find
    try {
      const result = await testHost.client.graphql(query)
      return { reads, result }
    } finally {
      db.find = find
    }
  }

  test('a query deeper than the limit is refused before it runs', async () => {
    let selection = 'title'
    for (let level = 0; level < 9; level += 1) {
      selection = `phase { ${selection} }`
    }
    const { reads, result } = await counted(`{ Deliverables { docs { ${selection} } } }`)
    expect(result.errors?.[0]?.message).toMatch(/levels deep; the limit is 8/)
    expect(result.data).toBeUndefined()
    expect(reads).toBe(0)
  })

  test('a 1,000-alias query is refused before it runs', async () => {
    const aliases = Array.from({ length: 1000 }, (_, index) => `a${index}: Phases { totalDocs }`).join(' ')
    const { reads, result } = await counted(`{ ${aliases} }`)
    // The host's token bound (src/host/jsonBodyGuard.ts) now refuses it even before the alias rule.
    expect(result.errors?.some((error) => /more than 30 aliases|more that 1500 tokens/.test(error.message))).toBe(true)
    expect(result.data).toBeUndefined()
    expect(reads).toBe(0)
  })

  test('a query past the complexity limit is refused', async () => {
    // 25 aliases (under the alias limit) × 27 fields ≈ 675 > 600.
    const fields = 'title slug number status startDate endDate createdAt updatedAt id _status'
    const aliases = Array.from(
      { length: 25 },
      (_, index) => `c${index}: Phases(limit: 100) { docs { ${fields} keyActivities { title kind date location country id } objectives { objective id } } totalDocs page limit }`,
    ).join(' ')
    const { reads, result } = await counted(`{ ${aliases} }`)
    expect(result.errors?.some((error) => /complexity/i.test(error.message))).toBe(true)
    expect(result.data).toBeUndefined()
    expect(reads).toBe(0)
  })

  test.each([
    ['a literal', '{ Phases(pagination: false) { totalDocs limit docs { title } } }', {}],
    ['a variable', 'query ($all: Boolean) { Phases(pagination: $all) { limit docs { title } } }', { all: false }],
    ['limit: 0', '{ Phases(limit: 0) { limit docs { title } } }', {}],
  ])('pagination: false through %s is refused for anonymous GraphQL clients', async (_how, query, variables) => {
    const result = await testHost.client.graphql(query, variables)
    expect(result.errors?.[0]?.message).toMatch(/pagination: false is for staff only|limit must be between 1 and 100/)
    expect(result.data?.Phases ?? null).toBeNull()
  })

  test('staff keep pagination: false in GraphQL', async () => {
    const result = await testHost.client.graphql<{ Phases: { docs: unknown[]; totalDocs: number } }>('{ Phases(pagination: false) { totalDocs docs { title } } }', {}, auth)
    expect(result.errors).toBeUndefined()
    expect(result.data?.Phases.docs.length).toBe(result.data?.Phases.totalDocs)
  })

  test('an ordinary query passes', async () => {
    const { reads, result } = await counted('{ Phases(limit: 10, locale: nl, fallbackLocale: en) { docs { title slug } } }')
    expect(result.errors).toBeUndefined()
    expect(reads).toBeGreaterThan(0)
  })
})
