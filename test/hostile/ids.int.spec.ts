import type { CollectionSlug } from 'payload'

import type { TestHost } from '../helpers/host'

import { createHotline } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { expectRefusedUnchanged } from '../helpers/hostile'
import { createUser } from '../helpers/users'

/**
 * Boundary: document ids of the wrong type. Finding 20: `GET /api/hotlines/abc` answered 500 and
 * logged the whole SQL query at error level (SQLite's driver refuses NaN). Now an id that cannot
 * exist on the database in use is 404 on the document routes and 400 inside `where`, on SQLite's
 * integer ids and MongoDB's ObjectIds alike, and nothing reaches the error log.
 */
let testHost: TestHost
let editor: { token: string }
let realId: number | string
const collections: CollectionSlug[] = ['hotlines']
const logged: Array<{ level: string; text: string }> = []

beforeAll(async () => {
  testHost = await startTestHost()
  await createUser(testHost.payload, ['admin'])
  editor = await testHost.client.login(await createUser(testHost.payload, ['editor']))
  realId = (await createHotline(testHost.payload, { name: 'Real hotline' })).id
  // Payload's logger is a pino instance shared by every request: record what reaches error and warn.
  const logger = testHost.payload.logger as unknown as Record<'error' | 'fatal' | 'warn', (...args: unknown[]) => void>
  for (const level of ['error', 'fatal', 'warn'] as const) {
    const original = logger[level].bind(logger)
    logger[level] = (...args: unknown[]) => {
      logged.push({ level, text: JSON.stringify(args, (_key, value: unknown) => (value instanceof Error ? `${value.message} ${JSON.stringify(value)}` : value)) })
      original(...args)
    }
  }
})

afterAll(async () => {
  await testHost.stop()
})

/** On SQLite a valid-looking id is an integer; on MongoDB a 24-digit hex ObjectId. Each kind is wrong for the other. */
const wrongIds = () => {
  const isSqlite = typeof realId === 'number'
  return [
    'abc',
    '1e309',
    '-1e309',
    '99999999999999999999999',
    '0x1A',
    '1.5',
    ' 1',
    'NaN',
    'Infinity',
    "1' OR '1'='1",
    '%00',
    isSqlite ? '507f1f77bcf86cd799439011' : '123',
    isSqlite ? '-1' : '507f1f77bcf86cd79943901z',
    isSqlite ? '9007199254740993' : '507f1f77bcf86cd7994390111',
  ]
}

describe('ids of the wrong type', () => {
  beforeEach(() => {
    logged.length = 0
  })

  test.each(['GET', 'PATCH', 'DELETE'])('%s /api/hotlines/<wrong id> is 404 for every wrong id, with nothing in the error log', async (method) => {
    for (const id of wrongIds()) {
      const { status } = await expectRefusedUnchanged({ baseUrl: testHost.baseUrl, collections, payload: testHost.payload }, async () => {
        const response = await testHost.client.request(method, `/api/hotlines/${encodeURIComponent(id)}`, {
          auth: method === 'GET' ? undefined : editor,
          body: method === 'PATCH' ? { phone: '+3232011699' } : undefined,
        })
        await response.arrayBuffer()
        return response
      })
      expect({ id, status }).toEqual({ id, status: 404 })
    }
    expect(logged.filter(({ level }) => level !== 'warn')).toEqual([])
    expect(JSON.stringify(logged)).not.toMatch(/select |Failed query|params:/i)
  })

  test.each([
    ['where[id][equals]=abc'],
    ['where[id][in][]=abc'],
    ['where[id][in]=1,abc'],
    ['where[id][not_in][]=1e309'],
    ['where[id][not_equals]=NaN'],
    ['where[or][0][id][equals]=abc'],
  ])('GET /api/hotlines?%s is 400 naming the id', async (query) => {
    let text = ''
    const { status } = await expectRefusedUnchanged({ baseUrl: testHost.baseUrl, collections, payload: testHost.payload }, async () => {
      const response = await testHost.client.request('GET', `/api/hotlines?${query}`)
      text = await response.text()
      return response
    })
    expect(status).toBe(400)
    expect(text).toMatch(/not a valid id/)
    expect(logged.filter(({ level }) => level !== 'warn')).toEqual([])
  })

  test('a malformed percent-encoding in the path is 400, not a 500', async () => {
    const { status } = await expectRefusedUnchanged({ baseUrl: testHost.baseUrl, collections, payload: testHost.payload }, async () => {
      const response = await testHost.client.request('GET', '/api/hotlines/%E0%A4%A')
      await response.arrayBuffer()
      return response
    })
    expect(status).toBe(400)
  })

  test('GraphQL: a wrong id is refused as a bad argument and the error log stays empty', async () => {
    const result = await testHost.client.graphql('{ Hotline(id: "abc") { name } }')
    expect(result.errors?.length).toBeGreaterThan(0)
    expect(result.data?.Hotline ?? null).toBeNull()
    expect(logged.filter(({ level }) => level !== 'warn')).toEqual([])
  })

  test('the real id still answers, as a number or a string', async () => {
    expect((await testHost.client.json('GET', `/api/hotlines/${realId}`)).status).toBe(200)
    expect((await testHost.client.json('GET', `/api/hotlines?where[id][in]=${realId}`)).body).toMatchObject({ totalDocs: 1 })
  })
})
