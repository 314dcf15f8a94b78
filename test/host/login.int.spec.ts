import { pbkdf2Sync, randomBytes } from 'node:crypto'

import { PASSWORD_RULES } from '@/lib/passwordPolicy'

import type { TestHost } from '../helpers/host'
import type { TestUser } from '../helpers/users'

import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'

/**
 * Finding 18: 3-character passwords were accepted, and six wrong passwords from anyone locked the
 * account for ten minutes. Small limits here (the defaults are 5 / 100 / 50) keep the file fast;
 * X-Forwarded-For stands for different clients (one trusted proxy).
 */
Object.assign(process.env, {
  LOGIN_MAX_FAILURES: '3',
  LOGIN_MAX_FAILURES_PER_ACCOUNT: '5',
  LOGIN_MAX_FAILURES_PER_CLIENT: '8',
  TRUST_PROXY: '1',
})

let testHost: TestHost
let admin: TestUser
let editor: TestUser

beforeAll(async () => {
  testHost = await startTestHost()
  admin = await createUser(testHost.payload, ['admin'])
  editor = await createUser(testHost.payload, ['editor'])
})

afterAll(async () => {
  await testHost.stop()
})

let clients = 0
/** A client address of its own for each test, so their counts never mix. */
const newClient = () => `198.51.100.${(clients += 1)}`

type LoginAnswer = { body: { errors?: Array<{ message: string }>; token?: string }; retryAfter: null | string; status: number }

async function login(client: string, email: string, password: string): Promise<LoginAnswer> {
  const response = await testHost.client.request('POST', '/api/users/login', { body: { email, password }, headers: { 'x-forwarded-for': client } })
  return { body: (await response.json()) as LoginAnswer['body'], retryAfter: response.headers.get('retry-after'), status: response.status }
}

async function graphqlLogin(client: string, email: string, password: string) {
  const response = await testHost.client.request('POST', '/api/graphql', {
    body: { query: 'mutation ($email: String!, $password: String!) { loginUser(email: $email, password: $password) { token } }', variables: { email, password } },
    headers: { 'x-forwarded-for': client },
  })
  const body = (await response.json()) as { data?: { loginUser: null | { token: string } }; errors?: Array<{ extensions?: { statusCode?: number }; message: string }> }
  return { body, retryAfter: response.headers.get('retry-after') }
}

const fails = async (client: string, email: string, times: number) => {
  for (let attempt = 0; attempt < times; attempt += 1) {
    expect((await login(client, email, 'not-the-password-at-all')).status).toBe(401)
  }
}

describe('login throttling: strangers slow themselves down, never the owner', () => {
  test('consecutive failures refuse that client for that account (429, Retry-After), while the owner elsewhere signs in', async () => {
    const victim = await createUser(testHost.payload, ['translator'], { translatorLocales: ['sv'] })
    const stranger = newClient()
    await fails(stranger, victim.email, 3)
    const refused = await login(stranger, victim.email, victim.password)
    expect(refused.status).toBe(429)
    expect(refused.body.errors?.[0]?.message).toMatch(/too many failed logins/i)
    expect(Number(refused.retryAfter)).toBeGreaterThan(0)
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(15 * 60)

    const overGraphql = await graphqlLogin(stranger, victim.email, victim.password)
    expect(overGraphql.body.data?.loginUser ?? null).toBeNull()
    expect(overGraphql.body.errors?.[0]?.extensions?.statusCode).toBe(429)
    expect(Number(overGraphql.retryAfter)).toBeGreaterThan(0)

    // Payload's lockout would refuse the owner here for ten minutes.
    const owner = await login(newClient(), victim.email, victim.password)
    expect(owner.status).toBe(200)
    expect(owner.body.token).toEqual(expect.any(String))
    const ownerOverGraphql = await graphqlLogin(newClient(), victim.email, victim.password)
    expect(ownerOverGraphql.body.data?.loginUser?.token).toEqual(expect.any(String))
  })

  test('a success clears the consecutive count', async () => {
    const user = await createUser(testHost.payload, ['editor'])
    const client = newClient()
    await fails(client, user.email, 2)
    expect((await login(client, user.email, user.password)).status).toBe(200)
    await fails(client, user.email, 3)
    expect((await login(client, user.email, user.password)).status).toBe(429)
  })

  test('one client guessing across many accounts is refused for every account', async () => {
    const client = newClient()
    for (let account = 0; account < 8; account += 1) {
      expect((await login(client, `nobody-${account}@example.org`, 'not-the-password-at-all')).status).toBe(401)
    }
    const refused = await login(client, editor.email, editor.password)
    expect(refused.status).toBe(429)
    expect(Number(refused.retryAfter)).toBeGreaterThan(0)
    expect((await login(newClient(), editor.email, editor.password)).status).toBe(200)
  })

  test('guesses spread over many clients cap the account for unknown clients only; a client the owner used still works', async () => {
    const victim = await createUser(testHost.payload, ['steering'])
    const ownersClient = newClient()
    expect((await login(ownersClient, victim.email, victim.password)).status).toBe(200)
    const [first, second] = [newClient(), newClient()]
    await fails(first, victim.email, 3)
    await fails(second, victim.email, 2)
    expect((await login(second, victim.email, 'not-the-password-at-all')).status).toBe(429)
    expect((await login(newClient(), victim.email, victim.password)).status).toBe(429)
    expect((await login(ownersClient, victim.email, victim.password)).status).toBe(200)
  })

  test('refused attempts are not counted against the account: one stranger hammering alone cannot cap it', async () => {
    const victim = await createUser(testHost.payload, ['editor'])
    const stranger = newClient()
    await fails(stranger, victim.email, 3)
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await login(stranger, victim.email, 'not-the-password-at-all')).status).toBe(429)
    }
    expect((await login(newClient(), victim.email, victim.password)).status).toBe(200)
  })
})

describe('password policy: at least 12 characters, not common or guessable', () => {
  const graphqlProblem = (result: { errors?: Array<{ extensions?: { data?: { errors?: Array<{ message: string; path: string }> } } }> }) =>
    result.errors?.[0]?.extensions?.data?.errors?.[0]

  test.each([
    ['abc', PASSWORD_RULES.tooShort],
    ['Password1234', PASSWORD_RULES.common],
    ['Summer2024!!', PASSWORD_RULES.common],
    ['qwertyuiop123', PASSWORD_RULES.common],
  ])('an admin creating an account with %p gets 400 naming the rule, over REST and GraphQL; nothing is created', async (password, rule) => {
    const auth = await testHost.client.login(admin)
    const email = `weak-${password.length}-${Date.now()}@example.org`
    const rest = await testHost.client.json<{ errors: Array<{ data: { errors: Array<{ message: string; path: string }> } }> }>('POST', '/api/users', {
      auth,
      body: { name: 'Weak', email, password, roles: ['editor'] },
    })
    expect(rest.status).toBe(400)
    expect(rest.body.errors[0]!.data.errors[0]).toEqual({ message: rule, path: 'password' })
    const graphql = await testHost.client.graphql(
      `mutation ($email: String!, $password: String!) { createUser(data: { name: "Weak", email: $email, password: $password, roles: [editor] }) { id } }`,
      { email, password },
      auth,
    )
    expect(graphqlProblem(graphql as never)).toEqual({ message: rule, path: 'password' })
    expect((await testHost.payload.count({ collection: 'users', where: { email: { equals: email } } })).totalDocs).toBe(0)
  })

  test('a user changing their own password to a weak one gets 400 and keeps the old one (REST and GraphQL)', async () => {
    const user = await createUser(testHost.payload, ['editor'])
    const auth = await testHost.client.login(user)
    const rest = await testHost.client.json<{ errors: Array<{ data: { errors: Array<{ message: string }> } }> }>('PATCH', `/api/users/${user.id}`, {
      auth,
      body: { password: 'hunter2' },
    })
    expect(rest.status).toBe(400)
    expect(rest.body.errors[0]!.data.errors[0]!.message).toBe(PASSWORD_RULES.tooShort)
    const graphql = await testHost.client.graphql(
      `mutation ($id: ${typeof user.id === 'number' ? 'Int' : 'String'}!) { updateUser(id: $id, data: { password: "iloveyou12345" }) { id } }`,
      { id: user.id },
      auth,
    )
    expect(graphqlProblem(graphql as never)?.message).toBe(PASSWORD_RULES.common)
    expect((await login(newClient(), user.email, 'hunter2')).status).toBe(401)
    expect((await login(newClient(), user.email, user.password)).status).toBe(200)

    const strong = 'tidal-orchard-velvet-compass'
    expect((await testHost.client.json('PATCH', `/api/users/${user.id}`, { auth, body: { password: strong } })).status).toBe(200)
    expect((await login(newClient(), user.email, strong)).status).toBe(200)
  })

  test('reset-password refuses a weak password and leaves the token usable for a strong one', async () => {
    const user = await createUser(testHost.payload, ['translator'], { translatorLocales: ['fr'] })
    const token = await testHost.payload.forgotPassword({ collection: 'users', data: { email: user.email }, disableEmail: true })
    const weak = await testHost.client.json<{ errors: Array<{ data: { errors: Array<{ message: string }> } }> }>('POST', '/api/users/reset-password', {
      body: { password: 'abcdefghijkl', token },
    })
    expect(weak.status).toBe(400)
    expect(weak.body.errors[0]!.data.errors[0]!.message).toBe(PASSWORD_RULES.common)
    expect((await login(newClient(), user.email, user.password)).status).toBe(200)
    const strong = await testHost.client.json('POST', '/api/users/reset-password', { body: { password: 'granite-lantern-meadow-41', token } })
    expect(strong.status).toBe(200)
    expect((await login(newClient(), user.email, 'granite-lantern-meadow-41')).status).toBe(200)
  })

  test('an account whose old password predates the policy still signs in', async () => {
    const user = await createUser(testHost.payload, ['editor'])
    // Payload's legacy hash format (pbkdf2-sha256, 25,000 rounds), as stored before the policy.
    const salt = randomBytes(32).toString('hex')
    const hash = pbkdf2Sync('abc', salt, 25_000, 512, 'sha256').toString('hex')
    await testHost.payload.db.updateOne({ collection: 'users', data: { hash, salt }, where: { id: { equals: user.id } } })
    expect((await login(newClient(), user.email, 'abc')).status).toBe(200)
  })

  test('the first-user screen refuses a weak password and creates nothing', async () => {
    await testHost.payload.delete({ collection: 'users', overrideAccess: true, where: {} })
    const weak = await testHost.client.json<{ errors: Array<{ data: { errors: Array<{ message: string }> } }> }>('POST', '/api/users/first-register', {
      body: { name: 'First', email: 'first@example.org', password: 'admin' },
    })
    expect(weak.status).toBe(400)
    expect(weak.body.errors[0]!.data.errors[0]!.message).toBe(PASSWORD_RULES.tooShort)
    expect((await testHost.payload.count({ collection: 'users' })).totalDocs).toBe(0)
    const strong = await testHost.client.json('POST', '/api/users/first-register', {
      body: { name: 'First', email: 'first@example.org', password: 'harbour-quilt-saffron-7' },
    })
    expect(strong.status).toBe(200)
  })
})
