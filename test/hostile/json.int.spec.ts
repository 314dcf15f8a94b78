import type { CollectionSlug } from 'payload'

import type { TestHost } from '../helpers/host'

import { startTestHost } from '../helpers/host'
import { expectRefusedUnchanged } from '../helpers/hostile'
import { createUser } from '../helpers/users'

/** Boundary: JSON request bodies (REST writes and GraphQL), checked by src/host/jsonBodyGuard.ts and the body limit. */
const limit = 64 * 1024
process.env.JSON_BODY_MAX_BYTES = String(limit)

let testHost: TestHost
let editor: { token: string }
const collections: CollectionSlug[] = ['hotlines', 'phases']
const hotline = { name: 'Hostile hotline', country: 'BE', phone: '+3232011690' }

beforeAll(async () => {
  testHost = await startTestHost()
  await createUser(testHost.payload, ['admin'])
  editor = await testHost.client.login(await createUser(testHost.payload, ['editor']))
})

afterAll(async () => {
  await testHost.stop()
})

const nested = (depth: number, leaf = '"x"') => `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}`
const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`

const send = (path: string, body: BodyInit, contentType = 'application/json') => () =>
  testHost.client.request('POST', path, { auth: editor, body, headers: { 'content-type': contentType } })

const cases: Array<{ expected: number; name: string; request: () => Promise<Response> }> = [
  { name: 'a field nested 10,000 arrays deep', expected: 400, request: send('/api/hotlines', `{"name":${nested(10_000)},"country":"BE","phone":"+3232011690"}`) },
  { name: 'a body nested 10,000 objects deep', expected: 400, request: send('/api/hotlines', nestedObjects(10_000)) },
  { name: 'GraphQL variables nested 10,000 deep', expected: 400, request: send('/api/graphql', `{"query":"{ Phases { totalDocs } }","variables":{"v":${nested(10_000)}}}`) },
  { name: 'a top-level __proto__ key', expected: 400, request: send('/api/hotlines', JSON.stringify(hotline).replace('{', '{"__proto__":{"polluted":true},')) },
  { name: 'constructor.prototype keys', expected: 400, request: send('/api/hotlines', JSON.stringify({ ...hotline, constructor: { prototype: { polluted: true } } })) },
  { name: 'a __proto__ key inside an array item', expected: 400, request: send('/api/hotlines', JSON.stringify({ ...hotline, alternativeNumbers: [{ number: '+3232011691' }] }).replace('{"number"', '{"__proto__":{"polluted":true},"number"')) },
  { name: '__proto__ in GraphQL variables', expected: 400, request: send('/api/graphql', '{"query":"{ Phases { totalDocs } }","variables":{"__proto__":{"polluted":true}}}') },
  { name: 'a 1 MB string', expected: 413, request: send('/api/hotlines', JSON.stringify({ ...hotline, name: 'x'.repeat(1024 * 1024) })) },
  { name: 'a body one byte over JSON_BODY_MAX_BYTES', expected: 413, request: send('/api/hotlines', JSON.stringify({ ...hotline, name: 'x' }).padEnd(limit + 1, ' ')) },
  { name: 'invalid UTF-8', expected: 400, request: send('/api/hotlines', Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('","country":"BE","phone":"+3232011690"}')])) },
  { name: 'truncated JSON', expected: 400, request: send('/api/hotlines', '{"name":"x",') },
  { name: 'a JSON body sent as text/plain', expected: 415, request: send('/api/hotlines', JSON.stringify(hotline), 'text/plain') },
  { name: 'a JSON body sent as application/xml', expected: 415, request: send('/api/graphql', JSON.stringify({ query: '{ Phases { totalDocs } }' }), 'application/xml') },
]

describe('hostile JSON bodies', () => {
  test.each(cases)('$name is refused with $expected, nothing written, /healthz fast', async ({ expected, request }) => {
    const { status } = await expectRefusedUnchanged({ baseUrl: testHost.baseUrl, collections, payload: testHost.payload }, async () => {
      const response = await request()
      await response.arrayBuffer()
      return response
    })
    expect(status).toBe(expected)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect((Object.prototype as unknown as Record<string, unknown>).polluted).toBeUndefined()
  })

  test('a body exactly at JSON_BODY_MAX_BYTES is still served', async () => {
    const query = JSON.stringify({ query: '{ Phases { totalDocs } }' })
    const body = query.slice(0, -1).padEnd(limit - 1, ' ') + '}'
    expect(Buffer.byteLength(body)).toBe(limit)
    const response = await testHost.client.request('POST', '/api/graphql', { body, headers: { 'content-type': 'application/json' } })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ data: { Phases: { totalDocs: 0 } } })
  })

  test('an ordinary write with a charset parameter still works', async () => {
    const response = await testHost.client.request('POST', '/api/phases', {
      auth: editor,
      body: JSON.stringify({ _status: 'draft', number: 1, title: 'Planning Phase' }),
      headers: { 'content-type': 'application/json; charset=utf-8' },
    })
    expect(response.status).toBe(201)
  })
})
