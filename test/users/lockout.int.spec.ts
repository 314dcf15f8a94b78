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

describe('login lockout', () => {
  test('five failed logins lock the account for ten minutes, even against the right password', async () => {
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const { status } = await attemptLogin(victim.email, 'wrong-password')
      expect(status).toBe(401)
    }
    const locked = await attemptLogin(victim.email, victim.password)
    expect(locked.status).toBe(401)
    expect(JSON.stringify(locked.body)).toMatch(/locked/i)

    const stored = await testHost.payload.findByID({ id: victim.id, collection: 'users', overrideAccess: true, showHiddenFields: true })
    const lockUntil = new Date(String((stored as { lockUntil?: string }).lockUntil)).getTime()
    const minutes = (lockUntil - Date.now()) / 60_000
    expect(minutes).toBeGreaterThan(9)
    expect(minutes).toBeLessThanOrEqual(10)
  })

  test('a non-admin cannot unlock the account (403), over REST or GraphQL', async () => {
    const auth = await testHost.client.login(editor)
    const rest = await testHost.client.json('POST', '/api/users/unlock', { auth, body: { email: victim.email } })
    expect(rest.status).toBe(403)
    const graphql = await testHost.client.graphql(`mutation ($email: String!) { unlockUser(email: $email) }`, { email: victim.email }, auth)
    expect(graphql.errors?.[0]?.message).toMatch(/not allowed/i)
    expect((await attemptLogin(victim.email, victim.password)).status).toBe(401)
  })

  test('an admin can unlock it, after which the right password works', async () => {
    const auth = await testHost.client.login(admin)
    const { status } = await testHost.client.json('POST', '/api/users/unlock', { auth, body: { email: victim.email } })
    expect(status).toBe(200)
    expect((await attemptLogin(victim.email, victim.password)).status).toBe(200)
  })
})
