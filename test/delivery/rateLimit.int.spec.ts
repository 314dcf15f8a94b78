import type { TestHost } from '../helpers/host'
import type { ServerProcess } from '../helpers/serverProcess'

import { rateCounterStore } from '../../plugins/delivery-api/operations/rateCounters'
import { startTestHost } from '../helpers/host'
import { startServerProcess } from '../helpers/serverProcess'
import { createUser } from '../helpers/users'

process.env.RATE_LIMIT_MAX = '100'
process.env.RATE_LIMIT_WINDOW_MS = '60000'

let testHost: TestHost
/** A second, separate app instance (its own process and Payload) on this file's database. */
let second: ServerProcess | undefined

beforeAll(async () => {
  testHost = await startTestHost()
  await createUser(testHost.payload, ['admin'])
})

afterAll(async () => {
  await second?.stop()
  await testHost.stop()
})

describe('rate limiting shared through the database', () => {
  test('two app instances on one database count together: the 101st request gets 429 with Retry-After', async () => {
    second = await startServerProcess()
    const urls = [testHost.baseUrl, second.baseUrl]
    const statuses: number[] = []
    for (let index = 0; index < 100; index += 1) {
      const response = await fetch(`${urls[index % 2]}/api/phases?limit=1`)
      statuses.push(response.status)
      await response.arrayBuffer()
    }
    expect(statuses.every((status) => status === 200)).toBe(true)

    const refused = await fetch(`${urls[0]}/api/phases?limit=1`)
    expect(refused.status).toBe(429)
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(JSON.stringify(await refused.json())).toMatch(/Too many requests/)
    expect((await fetch(`${urls[1]}/api/phases?limit=1`)).status).toBe(429)
  })

  test('a window opens at the first request, whenever it comes, and the count restarts once it ends', async () => {
    const key = `test:${Date.now()}`
    const first = await rateCounterStore(testHost.payload, 'rate-limit-counters').increment(key, 400)
    const second = await rateCounterStore(testHost.payload, 'rate-limit-counters').increment(key, 400)
    expect([first.hits, second.hits]).toEqual([1, 2])
    expect(second.resetAt.getTime()).toBe(first.resetAt.getTime())
    expect(first.resetAt.getTime() - Date.now()).toBeGreaterThan(0)
    expect(first.resetAt.getTime() - Date.now()).toBeLessThanOrEqual(400)

    await new Promise((resolve) => setTimeout(resolve, first.resetAt.getTime() - Date.now() + 20))
    const next = await rateCounterStore(testHost.payload, 'rate-limit-counters').increment(key, 400)
    expect(next.hits).toBe(1)
    expect(next.resetAt.getTime()).toBeGreaterThan(first.resetAt.getTime())
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
