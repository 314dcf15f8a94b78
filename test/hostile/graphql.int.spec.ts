import type { CollectionSlug } from 'payload'

import type { TestHost } from '../helpers/host'

import { createHotline, createPhase } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { expectCaseRefused, type HostileCase } from '../helpers/hostile'
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

// `asStaff` is read when the case runs: the editor signs in only in beforeAll.
const post = (body: string, asStaff = false) => () =>
  testHost.client.request('POST', '/api/graphql', {
    auth: asStaff ? editor : undefined,
    body,
    headers: { accept: 'application/graphql-response+json', 'content-type': 'application/json' },
  })
const query = (text: string, variables: Record<string, unknown> = {}, asStaff = false) => post(JSON.stringify({ query: text, variables }), asStaff)

const nestedSelection = (depth: number) => `{ Phases { docs { ${'phase { '.repeat(depth)}title${' }'.repeat(depth)} } } }`

const cases: HostileCase[] = [
  { name: '1,000 aliases', expected: /more that 1500 tokens/, request: query(`{ ${Array.from({ length: 1000 }, (_, index) => `a${index}: Phases { totalDocs }`).join(' ')} }`) },
  { name: '100 aliases', expected: /more than 30 aliases/, request: query(`{ ${Array.from({ length: 100 }, (_, index) => `a${index}: Phases { totalDocs }`).join(' ')} }`) },
  { name: 'selections nested 20 deep', expected: /levels deep/, request: query(nestedSelection(20)) },
  { name: 'selections nested 10,000 deep', expected: /more that 1500 tokens/, request: query(nestedSelection(10_000)) },
  { name: '100,000 repeated fields (quadratic field merging)', expected: /more that 1500 tokens/, request: query(`{ Phases { docs { ${'title '.repeat(100_000)}} } }`) },
  { name: '1,500 repeated fields, staff', expected: /more that 1500 tokens/, request: query(`{ Phases { docs { ${'title '.repeat(1_500)}} } }`, {}, true) },
  { name: '1,490 repeated fields, the most the token limit lets through', expected: /complexity|Validation aborted/i, request: query(`{ Phases { docs { ${'title '.repeat(1_490)}} } }`) },
  { name: 'a fragment cycle', expected: /fragment cycles are refused/, request: query('{ ...a } fragment a on Query { ...b } fragment b on Query { Phases { totalDocs } ...a }') },
  { name: '100 repeated directives', expected: /can only be used once|directive/i, request: query(`{ Phases ${'@include(if: true) '.repeat(100)}{ totalDocs } }`) },
  { name: 'a 2 MB variable', expected: /larger than/, request: query('query ($s: String) { Phases(where: { title: { equals: $s } }) { totalDocs } }', { s: 'x'.repeat(2 * 1024 * 1024) }) },
  { name: 'a where variable with 1,500 values', expected: /at most 1000 values/, request: query('query ($w: Hotline_where) { Hotlines(where: $w) { totalDocs } }', { w: { name: { in: Array.from({ length: 1500 }, (_, index) => `n${index}`) } } }) },
  { name: 'a where variable with 50,000 values', expected: /at most 1000 values/, request: query('query ($w: Hotline_where) { Hotlines(where: $w) { totalDocs } }', { w: { name: { in: Array.from({ length: 50_000 }, (_, index) => `n${index}`) } } }) },
  { name: 'a where literal nested 12 deep', expected: /deeper than 8 levels/, request: query(`{ Hotlines(where: ${'{ or: ['.repeat(12)}{ name: { equals: "x" } }${' ] }'.repeat(12)}) { totalDocs } }`) },
  { name: 'a where variable nested 40 deep', expected: /deeper than/, request: query('query ($w: Hotline_where) { Hotlines(where: $w) { totalDocs } }', { w: JSON.parse(`${'{"or":['.repeat(40)}{"name":{"equals":"x"}}${']}'.repeat(40)}`) as unknown }) },
  { name: 'a batch array of 1,000 operations', expected: /batches are not accepted/, request: post(JSON.stringify(Array.from({ length: 1000 }, () => ({ query: '{ Phases { totalDocs } }' })))) },
  { name: 'a query that is not a string', expected: /needs a query/, request: post(JSON.stringify({ query: { Phases: true } })) },
  { name: 'a syntax error', expected: /Syntax Error/, request: query('{ Phases { totalDocs }') },
  { name: 'pagination: false, anonymous', expected: /pagination: false is for staff only/, request: query('{ Phases(pagination: false) { totalDocs } }') },
  { name: 'an id of the wrong type in where', expected: /not a valid id|Int|ID|Expected/, request: query('{ Hotlines(where: { id: { equals: "abc" } }) { totalDocs } }') },
  { name: 'a mutation of an unknown field', expected: /Unknown argument|not exist|Cannot query/i, request: query('mutation { dropEverything }') },
]

describe('hostile GraphQL', () => {
  test.each(cases)('$name is refused with a clear 4xx', (hostileCase) =>
    expectCaseRefused({ baseUrl: testHost.baseUrl, collections, payload: testHost.payload }, hostileCase),
  )

  test('an ordinary large query is served', async () => {
    // 480 fields, under the complexity limit of 600.
    const fields = 'title slug number '.repeat(160)
    const response = await query(`{ Phases(limit: 5) { docs { ${fields} } } }`)()
    expect(response.status).toBe(200)
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined()
  })
})
