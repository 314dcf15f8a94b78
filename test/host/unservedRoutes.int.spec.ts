import type { TestHost } from '../helpers/host'

import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'

/**
 * Routes Payload registers for every collection whatever its config answered 500 (and logged an
 * error) where the feature is off; routes of collections that must never be copied existed at all.
 */
let testHost: TestHost
let admin: { token: string }

beforeAll(async () => {
  testHost = await startTestHost()
  admin = await testHost.client.login(await createUser(testHost.payload, ['admin']))
})

afterAll(async () => {
  await testHost.stop()
})

test.each([
  ['GET', '/api/media/versions'],
  ['GET', '/api/media/versions/1'],
  ['POST', '/api/media/versions/1'],
  ['GET', '/api/translation-tasks/versions'],
  ['GET', '/api/globals/programme/versions'],
  ['POST', '/api/users/verify/not-a-token'],
  // No task has a schedule: Payload throws on this route.
  ['GET', '/api/payload-jobs/handle-schedules'],
])('%s %s answers 404 for an admin and for anonymous, not 500', async (method, path) => {
  expect((await testHost.client.json(method, path, { auth: admin })).status).toBe(404)
  expect((await testHost.client.json(method, path)).status).toBe(404)
})

test('versioned collections keep their version routes, and custom endpoints of the same name stay', async () => {
  expect((await testHost.client.json('GET', '/api/hotlines/versions', { auth: admin })).status).toBe(200)
  // The phase gate's own `verify` endpoint on a collection that is not an auth collection.
  expect((await testHost.client.json('GET', '/api/gate-events/verify', { auth: admin })).status).toBe(200)
})

test.each(['gates', 'gate-rounds', 'gate-votes', 'gate-events', 'webhook-deliveries', 'api-clients', 'translation-tasks'])(
  '%s cannot be duplicated over REST',
  async (slug) => {
    const { status } = await testHost.client.json('POST', `/api/${slug}/1/duplicate`, { auth: admin, body: {} })
    expect(status).toBe(404)
  },
)

test('nor over GraphQL: their duplicate mutations are not generated', async () => {
  const { data } = await testHost.client.graphql<{ __type: { fields: Array<{ name: string }> } }>(
    '{ __type(name: "Mutation") { fields { name } } }',
    {},
    admin,
  )
  const mutations = data!.__type.fields.map(({ name }) => name)
  expect(mutations).toContain('duplicateHotline')
  for (const name of ['Gate', 'GateRound', 'GateVote', 'GateEvent', 'WebhookDelivery', 'ApiClient', 'TranslationTask']) {
    expect(mutations).not.toContain(`duplicate${name}`)
  }
})
