import type { CollectionSlug } from 'payload'

import type { TestHost } from '../helpers/host'

import { createHotline, createPhase } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { expectRefusedUnchanged } from '../helpers/hostile'
import { createUser } from '../helpers/users'

/**
 * Boundary: GraphQL documents and variables. Size is refused at the host (body limit, batch arrays,
 * token count: src/host/jsonBodyGuard.ts); shape by the delivery plugin's validation rules.
 * Requests ask for `application/graphql-response+json`, where GraphQL-over-HTTP answers a refused
 * document with 400 (plain `application/json` clients get 200 with `errors`).
 */
let testHost: TestHost
let editor: { token: string }
const collections: CollectionSlug[] = ['hotlines', 'phases']

beforeAll(async () => {
  testHost = await startTestHost()
  await createUser(testHost.payload, ['admin'])
  editor = await testHost.client.login(await createUser(testHost.payload, ['editor']))
  await createHotline(testHost.payload, { name: 'Hostile hotline' })
  await createPhase(testHost.payload)
  // The schema is built on first use (seconds): not part of any case's measurement.
  await testHost.client.graphql('{ Hotlines { totalDocs } }')
})

afterAll(async () => {
  await testHost.stop()
})

const post = (body: string, auth?: { token: string }) => () =>
  testHost.client.request('POST', '/api/graphql', {
    auth,
    body,
    headers: { accept: 'application/graphql-response+json', 'content-type': 'application/json' },
  })
const query = (text: string, variables: Record<string, unknown> = {}, auth?: { token: string }) => post(JSON.stringify({ query: text, variables }), auth)

const nestedSelection = (depth: number) => `{ Phases { docs { ${'phase { '.repeat(depth)}title${' }'.repeat(depth)} } } }`

const cases: Array<{ expected: RegExp; name: string; request: () => Promise<Response> }> = [
  { expected: /more that 1500 tokens/, name: '1,000 aliases', request: query(`{ ${Array.from({ length: 1000 }, (_, index) => `a${index}: Phases { totalDocs }`).join(' ')} }`) },
  { expected: /more than 30 aliases/, name: '200 aliases', request: query(`{ ${Array.from({ length: 200 }, (_, index) => `a${index}: Phases { totalDocs }`).join(' ')} }`) },
  { expected: /levels deep/, name: 'selections nested 20 deep', request: query(nestedSelection(20)) },
  { expected: /more that 1500 tokens/, name: 'selections nested 10,000 deep', request: query(nestedSelection(10_000)) },
  { expected: /more that 1500 tokens/, name: '100,000 repeated fields (quadratic field merging)', request: query(`{ Phases { docs { ${'title '.repeat(100_000)}} } }`) },
  { expected: /more that 1500 tokens/, name: '1,500 repeated fields, staff', request: query(`{ Phases { docs { ${'title '.repeat(1_500)}} } }`, {}, editor) },
  { expected: /complexity|Validation aborted/i, name: '1,490 repeated fields, the most the token limit lets through', request: query(`{ Phases { docs { ${'title '.repeat(1_490)}} } }`) },
  { expected: /fragment cycles are refused/, name: 'a fragment cycle', request: query('{ ...a } fragment a on Query { ...b } fragment b on Query { Phases { totalDocs } ...a }') },
  { expected: /can only be used once|directive/i, name: '100 repeated directives', request: query(`{ Phases ${'@include(if: true) '.repeat(100)}{ totalDocs } }`) },
  { expected: /larger than/, name: 'a 2 MB variable', request: query('query ($s: String) { Phases(where: { title: { equals: $s } }) { totalDocs } }', { s: 'x'.repeat(2 * 1024 * 1024) }) },
  { expected: /more than 1000 conditions/, name: 'a where variable with 1,500 values', request: query('query ($w: Hotline_where) { Hotlines(where: $w) { totalDocs } }', { w: { name: { in: Array.from({ length: 1500 }, (_, index) => `n${index}`) } } }) },
  { expected: /at most 2000 values/, name: 'a where variable with 50,000 values', request: query('query ($w: Hotline_where) { Hotlines(where: $w) { totalDocs } }', { w: { name: { in: Array.from({ length: 50_000 }, (_, index) => `n${index}`) } } }) },
  { expected: /deeper than 8 levels/, name: 'a where literal nested 12 deep', request: query(`{ Hotlines(where: ${'{ or: ['.repeat(12)}{ name: { equals: "x" } }${' ] }'.repeat(12)}) { totalDocs } }`) },
  { expected: /deeper than/, name: 'a where variable nested 40 deep', request: query('query ($w: Hotline_where) { Hotlines(where: $w) { totalDocs } }', { w: JSON.parse(`${'{"or":['.repeat(40)}{"name":{"equals":"x"}}${']}'.repeat(40)}`) as unknown }) },
  { expected: /batches are not accepted/, name: 'a batch array of 1,000 operations', request: post(JSON.stringify(Array.from({ length: 1000 }, () => ({ query: '{ Phases { totalDocs } }' })))) },
  { expected: /needs a query/, name: 'a query that is not a string', request: post(JSON.stringify({ query: { Phases: true } })) },
  { expected: /Syntax Error/, name: 'a syntax error', request: query('{ Phases { totalDocs }') },
  { expected: /pagination: false is for staff only/, name: 'pagination: false, anonymous', request: query('{ Phases(pagination: false) { totalDocs } }') },
  { expected: /not a valid id|Int|ID|Expected/, name: 'an id of the wrong type in where', request: query('{ Hotlines(where: { id: { equals: "abc" } }) { totalDocs } }') },
  { expected: /Unknown argument|not exist|Cannot query/i, name: 'a mutation of an unknown field', request: query('mutation { dropEverything }') },
]

describe('hostile GraphQL', () => {
  test.each(cases)('$name is refused with a clear 4xx', async ({ expected, request }) => {
    let text = ''
    await expectRefusedUnchanged({ baseUrl: testHost.baseUrl, collections, payload: testHost.payload }, async () => {
      const response = await request()
      text = await response.text()
      return response
    })
    expect(text).toMatch(expected)
  })

  test('an ordinary large query is served', async () => {
    // 480 fields, under the complexity limit of 600.
    const fields = 'title slug number '.repeat(160)
    const response = await query(`{ Phases(limit: 5) { docs { ${fields} } } }`)()
    expect(response.status).toBe(200)
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined()
  })
})
