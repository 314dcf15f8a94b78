import type { TestHost } from '../helpers/host'

import { startTestHost } from '../helpers/host'

// A small allowance, so that a key-guessing client runs out of it within the test.
process.env.RATE_LIMIT_MAX = '5'
process.env.RATE_LIMIT_WINDOW_MS = '60000'

let testHost: TestHost

beforeAll(async () => {
  testHost = await startTestHost()
})

afterAll(async () => {
  await testHost.stop()
})

// Finding 17: an unknown key was answered 401 before the rate limiter ran, so guessing keys was free.
test('attempts with unknown keys count against the caller address: the guesser gets 429, then so does its address', async () => {
  const statuses: number[] = []
  for (let attempt = 0; attempt < 6; attempt += 1) {
    const headers: Record<string, string> = attempt % 2 ? { 'x-api-key': `jec_guess-${attempt}` } : { authorization: `API-Key jec_guess-${attempt}` }
    const response = await testHost.client.request('GET', '/api/phases', { headers })
    statuses.push(response.status)
    await response.arrayBuffer()
  }
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
  const anonymous = await testHost.client.request('GET', '/api/phases')
  expect(anonymous.status).toBe(429)
  expect(Number(anonymous.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
})
