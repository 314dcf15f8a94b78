import type { TestHost } from '../helpers/host'

import { createDeliveryBoundary } from '../../plugins/delivery-api'
import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'

process.env.RATE_LIMIT_MAX = '100'
process.env.RATE_LIMIT_WINDOW_MS = '60000'
// No REDIS_URL: the limits are counted in each process's memory (sharedRateLimit.int.spec.ts: Redis).
delete process.env.REDIS_URL

let testHost: TestHost
/** A second host in this process on the same Payload, with a door (and a memory store) of its own. */
let second: TestHost | undefined

beforeAll(async () => {
  testHost = await startTestHost()
  await createUser(testHost.payload, ['admin'])
})

afterAll(async () => {
  await new Promise<void>((resolve) => (second ? second.host.server.close(() => resolve()) : resolve()))
  await testHost.stop()
})

describe('rate limiting in memory (one instance)', () => {
  test('the 101st request in a window gets 429 with Retry-After; every answer says the limit, what remains and when it resets', async () => {
    const responses: Response[] = []
    for (let index = 0; index < 100; index += 1) {
      const response = await fetch(`${testHost.baseUrl}/api/phases?limit=1`)
      await response.arrayBuffer()
      responses.push(response)
    }
    expect(responses.map(({ status }) => status).every((status) => status === 200)).toBe(true)
    expect(responses.map((response) => response.headers.get('ratelimit-limit')).every((limit) => limit === '100')).toBe(true)
    expect(responses.map((response) => Number(response.headers.get('ratelimit-remaining')))).toEqual(Array.from({ length: 100 }, (_, index) => 99 - index))
    const reset = Number(responses[0]!.headers.get('ratelimit-reset'))
    expect(reset).toBeGreaterThanOrEqual(59)
    expect(reset).toBeLessThanOrEqual(60)

    const refused = await fetch(`${testHost.baseUrl}/api/phases?limit=1`)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('ratelimit-remaining')).toBe('0')
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(JSON.stringify(await refused.json())).toMatch(/Too many requests: at most 100 per 60 s/)
  })

  test('without a shared store another instance has an allowance of its own (what REDIS_URL is for)', async () => {
    second = await startTestHost()
    const response = await fetch(`${second.baseUrl}/api/phases?limit=1`)
    expect(response.status).toBe(200)
    expect(response.headers.get('ratelimit-remaining')).toBe('99')
    expect((await fetch(`${testHost.baseUrl}/api/phases?limit=1`)).status).toBe(429)
  })

  test('a window is whole seconds, as rate-limiter-flexible stores count: anything else is refused when the door is made', () => {
    expect(() => createDeliveryBoundary({ corsOrigins: [], payload: testHost.payload, rateLimit: { max: 1, staffMax: 1, windowMs: 1500 } })).toThrow(
      /windowMs must be a whole number of seconds \(1000 or more\); got 1500/,
    )
  })

  test('health checks are not rate limited', async () => {
    expect((await fetch(`${testHost.baseUrl}/healthz`)).status).toBe(200)
  })

  test('a signed-in staff user has their own, larger allowance', async () => {
    const editor = await createUser(testHost.payload, ['editor'])
    // Logging in is itself an /api call from the throttled address, so mint the token directly.
    const { token } = await testHost.payload.login({ collection: 'users', data: { email: editor.email, password: editor.password } })
    const response = await fetch(`${testHost.baseUrl}/api/phases?limit=1`, { headers: { authorization: `JWT ${token}` } })
    expect(response.status).toBe(200)
    expect(response.headers.get('ratelimit-limit')).toBe(process.env.RATE_LIMIT_STAFF_MAX)
  })

  test('a forged token does not buy the staff allowance', async () => {
    const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJjb2xsZWN0aW9uIjoidXNlcnMiLCJpZCI6MX0.invalid-signature'
    expect((await fetch(`${testHost.baseUrl}/api/phases`, { headers: { authorization: `JWT ${forged}` } })).status).toBe(429)
  })
})
