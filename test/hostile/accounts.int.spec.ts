import { PASSWORD_RULES } from '@/lib/passwordPolicy'

import type { TestHost } from '../helpers/host'
import type { TestUser } from '../helpers/users'

import { startTestHost } from '../helpers/host'
import { expectRefusedUnchanged } from '../helpers/hostile'
import { createUser } from '../helpers/users'

/**
 * Hostile input at the account boundary: passwords being set (the strength estimate is the costly
 * part), login bodies, and colleagues' queries. Each case: a clear 4xx, no account changed, and
 * /healthz answering within 200 ms while it runs.
 */
let testHost: TestHost
let admin: TestUser
let editor: TestUser
let adminAuth: { token: string }
let editorAuth: { token: string }
let worstMs = 0

beforeAll(async () => {
  testHost = await startTestHost()
  admin = await createUser(testHost.payload, ['admin'])
  editor = await createUser(testHost.payload, ['editor'])
  adminAuth = await testHost.client.login(admin)
  editorAuth = await testHost.client.login(editor)
  // Warm the paths under test (and start the password estimator's worker) once, so the cases
  // measure what hostile input costs, not first-use compilation on a busy machine.
  await testHost.client.request('POST', '/api/users', { auth: adminAuth, body: { name: 'Warm', email: 'warm@example.org', password: 'Password1234', roles: ['editor'] } })
  await testHost.client.request('POST', '/api/users/login', { body: { email: editor.email, password: 'not-the-password' } })
})

afterAll(async () => {
   
  console.info(`accounts corpus: worst /healthz while a case ran ${worstMs.toFixed(0)} ms`)
  await testHost.stop()
})

const refusedUnchanged = async (send: () => Promise<{ status: number }>) => {
  const { health, status } = await expectRefusedUnchanged({ baseUrl: testHost.baseUrl, collections: ['users'], payload: testHost.payload }, send)
  worstMs = Math.max(worstMs, health.worstMs)
  return status
}

const problemOf = async (response: Response) =>
  ((await response.json()) as { errors?: Array<{ data?: { errors?: Array<{ message: string }> } }> }).errors?.[0]?.data?.errors?.[0]?.message

// Crafted to make a password-strength estimator work hard: repeats, l33t words, dates, sequences.
const crafted: Array<[string, string]> = [
  ['one letter repeated', 'a'.repeat(256)],
  ['a word repeated', 'password'.repeat(32)],
  ['a l33t word repeated', 'p@55w0rd'.repeat(32)],
  ['l33t with case and symbols', 'P4$$w0rD!'.repeat(28)],
  ['l33t characters only', '|!1'.repeat(85)],
  ['dates', '19901231'.repeat(32)],
  ['dates with separators', '31.12.1990'.repeat(25)],
  ['a keyboard walk', 'qwerty'.repeat(42)],
  ['a sequence', '1234567890'.repeat(25)],
]

describe('passwords being set', () => {
  test.each(crafted)('%s (up to 256 characters) is refused as guessable, quickly', async (_label, password) => {
    const status = await refusedUnchanged(async () => {
      const response = await testHost.client.request('POST', '/api/users', {
        auth: adminAuth,
        body: { name: 'Crafted', email: `crafted-${password.length}@example.org`, password, roles: ['editor'] },
      })
      expect(await problemOf(response)).toBe(PASSWORD_RULES.common)
      return response
    })
    expect(status).toBe(400)
  })

  test.each([
    ['an account created with', () => ({ auth: adminAuth, body: { name: 'Huge', email: 'huge@example.org', roles: ['editor'] }, method: 'POST', path: '/api/users' })],
    ['an own account changed to', () => ({ auth: editorAuth, body: {}, method: 'PATCH', path: `/api/users/${editor.id}` })],
    ['a reset (with a made-up token) to', () => ({ auth: undefined, body: { token: 'made-up' }, method: 'POST', path: '/api/users/reset-password' })],
  ])('%s a 900 kB password: 400 naming the length limit', async (_label, request) => {
    const { auth, body, method, path } = request()
    const status = await refusedUnchanged(async () => {
      const response = await testHost.client.request(method, path, { auth, body: { ...body, password: 'x7-'.repeat(300_000) } })
      expect(await problemOf(response)).toBe(PASSWORD_RULES.tooLong)
      return response
    })
    expect(status).toBe(400)
  })
})

describe('login bodies', () => {
  test.each([
    ['a 900 kB password for a real account', () => ({ email: editor.email, password: 'x'.repeat(900_000) }), 401],
    ['a 900 kB e-mail address', () => ({ email: `${'a'.repeat(900_000)}@example.org`, password: 'whatever-it-is' }), 401],
    ['an e-mail that is an object with __proto__', () => JSON.parse(`{"email": {"__proto__": {"roles": ["admin"]}}, "password": "x"}`), 400],
    ['an e-mail that is an array', () => ({ email: [editor.email, admin.email], password: 'x' }), 400],
    ['a constructor key beside the credentials', () => JSON.parse(`{"email": "${editor.email}", "password": "wrong", "constructor": {"prototype": {"roles": ["admin"]}}}`), 400],
  ])('%s is refused', async (_label, body, expected) => {
    const status = await refusedUnchanged(() => testHost.client.request('POST', '/api/users/login', { body: body() }))
    expect(status).toBe(expected)
  })
})

describe("colleagues' queries", () => {
  test.each([
    // 250 is about what fits Node's 16 KiB header limit (beyond it: 431 before any code runs).
    ['250 or-branches on e-mail', Array.from({ length: 250 }, (_, i) => `where[or][${i}][email][equals]=guess-${i}@example.org`).join('&')],
    ['a like pattern on e-mail that is slow to match', `where[email][like]=${'%_'.repeat(2_000)}`],
    ['and/or nested ten deep around roles', `where${'[and][0][or][0]'.repeat(5)}[roles][in]=admin`],
    ['sorting by many hidden fields', 'sort=email,-roles,createdAt,translatorLocales'],
  ])('%s: 403 for a non-admin', async (_label, query) => {
    const status = await refusedUnchanged(() => testHost.client.request('GET', `/api/users?${query}`, { auth: editorAuth }))
    expect(status).toBe(403)
  })
})
