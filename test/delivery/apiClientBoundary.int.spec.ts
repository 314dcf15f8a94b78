import type { CollectionSlug } from 'payload'

import type { TestHost } from '../helpers/host'

import { createHotline } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { snapshotCollections } from '../helpers/hostile'
import { createUser } from '../helpers/users'

/**
 * Finding 5: an API key is an auth collection's user, so it passed every "any signed-in user"
 * check Payload makes for its own collections and endpoints (locks, preferences, the job queue,
 * `/access`). A key is a reader of its scopes and nothing else: every such route is refused, over
 * REST and GraphQL, for a key with one scope and for one with every scope there is.
 */
let testHost: TestHost
let admin: { token: string }
let editor: { token: string }
let hotlineId: number | string
let versionId: number | string
const keys: Record<'allScopes' | 'scoped', { id: number | string; key: string }> = {} as never

const written: CollectionSlug[] = ['hotlines', 'payload-locked-documents', 'payload-preferences', 'payload-jobs', 'api-clients', 'users']

beforeAll(async () => {
  testHost = await startTestHost()
  admin = await testHost.client.login(await createUser(testHost.payload, ['admin']))
  editor = await testHost.client.login(await createUser(testHost.payload, ['editor']))
  const hotline = await createHotline(testHost.payload, { name: 'Published hotline' })
  hotlineId = hotline.id
  await testHost.payload.update({ id: hotlineId, collection: 'hotlines', data: { phone: '+3232011691' } as never, overrideAccess: true })
  const versions = await testHost.payload.findVersions({ collection: 'hotlines', overrideAccess: true, where: { parent: { equals: hotlineId } } })
  versionId = versions.docs[0]!.id
  const scopeField = testHost.payload.collections['api-clients'].config.fields.find((field) => 'name' in field && field.name === 'scopes') as {
    options: Array<string | { value: string }>
  }
  const everyScope = scopeField.options.map((option) => (typeof option === 'string' ? option : option.value))
  for (const [name, scopes] of [
    ['scoped', ['hotlines']],
    ['allScopes', everyScope],
  ] as const) {
    const { body } = await testHost.client.json<{ doc: { apiKey: string; id: number | string } }>('POST', '/api/api-clients', {
      auth: admin,
      body: { name, scopes },
    })
    keys[name] = { id: body.doc.id, key: body.doc.apiKey }
  }
})

afterAll(async () => {
  await testHost.stop()
})

const withKey = (key: string) => ({ headers: { 'x-api-key': key } })

/** Every route Payload adds beside reads of published content, and every write. `:id`, `:version` are filled in. */
const refusedRoutes: Array<{ body?: object; method: string; path: string }> = [
  { method: 'GET', path: '/api/payload-locked-documents' },
  { body: { document: { relationTo: 'hotlines', value: ':id' }, globalSlug: null }, method: 'POST', path: '/api/payload-locked-documents' },
  { method: 'DELETE', path: '/api/payload-locked-documents?where[id][exists]=true' },
  { method: 'GET', path: '/api/payload-preferences' },
  { method: 'GET', path: '/api/payload-preferences/hotlines-list' },
  { body: { value: { columns: [] } }, method: 'POST', path: '/api/payload-preferences/hotlines-list' },
  { method: 'DELETE', path: '/api/payload-preferences/hotlines-list' },
  { method: 'GET', path: '/api/payload-jobs' },
  { method: 'GET', path: '/api/payload-jobs/run' },
  { method: 'POST', path: '/api/payload-jobs/run' },
  { method: 'GET', path: '/api/payload-jobs/handle-schedules' },
  { method: 'GET', path: '/api/payload-migrations' },
  { method: 'GET', path: '/api/payload-kv' },
  { method: 'GET', path: '/api/hotlines/versions' },
  { method: 'GET', path: '/api/hotlines/versions/:version' },
  { method: 'POST', path: '/api/hotlines/versions/:version' },
  { body: { name: 'Key-made hotline', country: 'BE', phone: '+3232011692' }, method: 'POST', path: '/api/hotlines' },
  { body: { phone: '+3232011693' }, method: 'PATCH', path: '/api/hotlines/:id' },
  { body: { phone: '+3232011694' }, method: 'PATCH', path: '/api/hotlines?where[id][exists]=true' },
  { method: 'DELETE', path: '/api/hotlines/:id' },
  { method: 'DELETE', path: '/api/hotlines?where[id][exists]=true' },
  { method: 'POST', path: '/api/hotlines/:id/duplicate' },
  { method: 'POST', path: '/api/hotlines/access/:id' },
  { method: 'POST', path: '/api/hotlines/access' },
  { method: 'GET', path: '/api/access' },
  { method: 'GET', path: '/api/api-clients' },
  { method: 'GET', path: '/api/api-clients/me' },
  { method: 'GET', path: '/api/api-clients/init' },
  { method: 'POST', path: '/api/api-clients/refresh-token' },
  { method: 'POST', path: '/api/api-clients/logout' },
  { method: 'POST', path: '/api/api-clients/:client/rotate' },
  { method: 'GET', path: '/api/users' },
  { method: 'GET', path: '/api/users/me' },
  { method: 'GET', path: '/api/users/init' },
  { method: 'POST', path: '/api/users/logout' },
  { method: 'POST', path: '/api/users/refresh-token' },
  { body: { email: 'nobody@example.org' }, method: 'POST', path: '/api/users/forgot-password' },
  { body: { email: 'key@example.org', password: 'a-long-password-123' }, method: 'POST', path: '/api/users/first-register' },
  { method: 'GET', path: '/api/globals/programme/versions' },
  { body: { name: 'Renamed by a key' }, method: 'POST', path: '/api/globals/programme' },
  { method: 'GET', path: '/api/graphql-playground' },
  { method: 'GET', path: '/api/translation-progress' },
  { method: 'GET', path: '/api/translation-tasks/queue' },
  { method: 'GET', path: '/api/media/paste-url/1?src=https://example.org/x.png' },
  { method: 'GET', path: '/api/hotlines/abc/def' },
]

const fill = (text: string, which: keyof typeof keys) =>
  text.replaceAll(':id', String(hotlineId)).replaceAll(':version', String(versionId)).replaceAll(':client', String(keys[which].id))

describe.each(['scoped', 'allScopes'] as const)('REST with the %s key', (which) => {
  test.each(refusedRoutes)('$method $path is refused and changes nothing', async ({ body, method, path }) => {
    const before = await snapshotCollections(testHost.payload, written)
    const response = await testHost.client.request(method, fill(path, which), {
      ...withKey(keys[which].key),
      body: body && JSON.parse(fill(JSON.stringify(body), which)),
    })
    expect([401, 403]).toContain(response.status)
    expect(await response.text()).not.toMatch(/Published hotline|"docs"/)
    expect(await snapshotCollections(testHost.payload, written)).toEqual(before)
  })

  test.each([['/api/hotlines'], ['/api/hotlines/:id'], ['/api/hotlines/count'], ['/api/hotlines?where[name][like]=Published']])(
    'GET %s, a read of its scope, works',
    async (path) => {
      const response = await testHost.client.request('GET', fill(path, which), withKey(keys[which].key))
      expect(response.status).toBe(200)
      await response.text()
    },
  )
})

test('a key reads a global only when the global is in its scopes', async () => {
  expect((await testHost.client.request('GET', '/api/globals/programme', withKey(keys.scoped.key))).status).toBe(403)
  expect((await testHost.client.request('GET', '/api/globals/programme', withKey(keys.allScopes.key))).status).toBe(200)
  expect((await testHost.client.request('GET', '/api/reports', withKey(keys.scoped.key))).status).toBe(403)
})

test("a key can no longer lock a document, so an editor's save goes through", async () => {
  const locked = await testHost.client.json('POST', '/api/payload-locked-documents', {
    ...withKey(keys.scoped.key),
    body: { document: { relationTo: 'hotlines', value: hotlineId }, globalSlug: null, user: { relationTo: 'api-clients', value: keys.scoped.id } },
  })
  expect(locked.status).toBe(403)
  expect((await testHost.payload.count({ collection: 'payload-locked-documents', overrideAccess: true })).totalDocs).toBe(0)
  const saved = await testHost.client.json('PATCH', `/api/hotlines/${hotlineId}`, { auth: editor, body: { phone: '+3232011695' } })
  expect(saved.status).toBe(200)
})

test('the job queue runs for admins only: a key and an editor are refused and the queued job stays untouched', async () => {
  const job = await testHost.payload.jobs.queue({ input: { deliveryId: 'not-a-delivery' }, task: 'deliverWebhook' } as never)
  for (const auth of [withKey(keys.allScopes.key), { auth: editor }]) {
    const response = await testHost.client.request('GET', '/api/payload-jobs/run', auth)
    expect([401, 403]).toContain(response.status)
    await response.text()
  }
  const untouched = await testHost.payload.findByID({ id: job.id, collection: 'payload-jobs', overrideAccess: true })
  expect(untouched).toMatchObject({ hasError: false, processing: false, totalTried: 0 })
  expect(untouched.completedAt ?? null).toBeNull()
  const run = await testHost.client.request('GET', '/api/payload-jobs/run', { auth: admin })
  expect(run.status).toBe(200)
  await run.text()
})

describe('GraphQL with a key', () => {
  const graphql = async (query: string, key: string, variables: Record<string, unknown> = {}) =>
    testHost.client.json<{ data?: Record<string, unknown> | null; errors?: Array<{ message: string }> }>('POST', '/api/graphql', {
      ...withKey(key),
      body: { query, variables },
    })

  const refusedOperations = [
    'mutation { createHotline(data: { name: "x", country: BE, phone: "+3232011696" }) { id } }',
    'mutation ($id: Int!) { updateHotline(id: $id, data: { phone: "+3232011697" }) { id } }',
    'mutation ($id: Int!) { deleteHotline(id: $id) { id } }',
    'mutation ($id: Int!) { duplicateHotline(id: $id) { id } }',
    'mutation ($version: Int!) { restoreVersionHotline(id: $version) { id } }',
    'mutation { createPayloadLockedDocument(data: { globalSlug: "programme" }) { id } }',
    'mutation { refreshTokenApiClient { exp } }',
    'mutation { logoutApiClient }',
    'mutation { updateProgramme(data: { name: "x" }) { name } }',
    '{ versionsHotlines { docs { id } } }',
    'query ($version: Int!) { versionHotline(id: $version) { id } }',
    'query ($id: Int!) { docAccessHotline(id: $id) { update { permission } } }',
    '{ Access { canAccessAdmin } }',
    '{ meApiClient { exp } }',
    '{ meUser { exp } }',
    '{ initializedUser }',
    '{ PayloadLockedDocuments { docs { id } } }',
    '{ PayloadPreferences { docs { id } } }',
    '{ PayloadJobs { docs { id } } }',
    '{ Users { docs { name } } }',
    '{ ApiClients { docs { name } } }',
    '{ ...locks } fragment locks on Query { PayloadLockedDocuments { docs { id } } }',
    '{ Hotlines { docs { name } } Reports { docs { title } } }',
  ]

  test.each(refusedOperations)('%s is refused before it runs and changes nothing', async (query) => {
    const before = await snapshotCollections(testHost.payload, written)
    // ids as the database types them: the mongo run sends strings.
    const isNumber = typeof hotlineId === 'number'
    const typed = isNumber ? query : query.replaceAll('Int!', 'String!')
    const { body } = await graphql(typed, keys.scoped.key, { id: hotlineId, version: versionId })
    expect(body.errors?.length).toBeGreaterThan(0)
    expect(body.data ?? null).toBeNull()
    expect(await snapshotCollections(testHost.payload, written)).toEqual(before)
  })

  test('mutations are refused to the key with every scope too', async () => {
    const { body } = await graphql('mutation { createHotline(data: { name: "x", country: BE, phone: "+3232011698" }) { id } }', keys.allScopes.key)
    expect(body.errors?.[0]?.message).toMatch(/An API key may only read/)
    expect((await testHost.payload.count({ collection: 'hotlines', overrideAccess: true })).totalDocs).toBe(1)
  })

  test('reads of its scopes work: list, by id, count; a global only in scope', async () => {
    const idType = typeof hotlineId === 'number' ? 'Int!' : 'String!'
    const { body } = await graphql(
      `query ($id: ${idType}) { Hotlines { docs { name } } Hotline(id: $id) { name } countHotlines { totalDocs } __typename }`,
      keys.scoped.key,
      { id: hotlineId },
    )
    expect(body.errors).toBeUndefined()
    expect(body.data).toMatchObject({ countHotlines: { totalDocs: 1 }, Hotline: { name: 'Published hotline' } })
    expect((await graphql('{ Programme { name } }', keys.scoped.key)).body.errors?.[0]?.message).toMatch(/outside the key's scopes/)
    expect((await graphql('{ Programme { name } }', keys.allScopes.key)).body.errors).toBeUndefined()
  })
})
