import type { TestHost } from '../helpers/host'
import type { TestUser } from '../helpers/users'

import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'

let testHost: TestHost
let admin: TestUser
let editor: TestUser
let victim: TestUser

beforeAll(async () => {
  testHost = await startTestHost()
  admin = await createUser(testHost.payload, ['admin'])
  editor = await createUser(testHost.payload, ['editor'])
  victim = await createUser(testHost.payload, ['translator'], { translatorLocales: ['sv'] })
})

afterAll(async () => {
  await testHost.stop()
})

const attemptLogin = (email: string, password: string) =>
  testHost.client.json('POST', '/api/users/login', { body: { email, password } })

// Payload's account lockout is off (anyone could lock anyone out); login throttling per client
// replaces it, tested in test/host/login.int.spec.ts. The unlock operation stays, admin-only.
describe('unlock', () => {
  test('a non-admin cannot unlock an account (403); GraphQL no longer offers unlockUser', async () => {
    const auth = await testHost.client.login(editor)
    const rest = await testHost.client.json('POST', '/api/users/unlock', { auth, body: { email: victim.email } })
    expect(rest.status).toBe(403)
    const graphql = await testHost.client.graphql(`mutation ($email: String!) { unlockUser(email: $email) }`, { email: victim.email }, auth)
    // Payload builds the mutation only for collections with maxLoginAttempts.
    expect(graphql.errors?.[0]?.message).toMatch(/Cannot query field "unlockUser"/)
  })

  test('an admin may still call it', async () => {
    const auth = await testHost.client.login(admin)
    const { status } = await testHost.client.json('POST', '/api/users/unlock', { auth, body: { email: victim.email } })
    expect(status).toBe(200)
    expect((await attemptLogin(victim.email, victim.password)).status).toBe(200)
  })
})
