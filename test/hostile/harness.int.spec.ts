import type { TestHost } from '../helpers/host'

import { createPhase } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { snapshotCollections, whileProbingHealth } from '../helpers/hostile'

/** The corpus trusts these two measurements, so they are shown to catch what they claim to. */
let testHost: TestHost

beforeAll(async () => {
  testHost = await startTestHost()
})

afterAll(async () => {
  await testHost.stop()
})

test('the health probe sees an event loop blocked by the case', async () => {
  const { health } = await whileProbingHealth(testHost.baseUrl, async () => {
    await new Promise((resolve) => setTimeout(resolve, 60))
    const until = Date.now() + 400
    while (Date.now() < until) {
      // Busy on purpose: this is what a quadratic parser does to the server.
    }
  })
  expect(health.worstMs).toBeGreaterThan(300)
  expect(health.probes).toBeGreaterThan(1)
})

test('the health probe stays low while the case only waits', async () => {
  const { health } = await whileProbingHealth(testHost.baseUrl, () => new Promise((resolve) => setTimeout(resolve, 300)))
  expect(health.worstMs).toBeLessThan(200)
  expect(health.probes).toBeGreaterThan(5)
})

test('a snapshot changes when a document is written', async () => {
  const before = await snapshotCollections(testHost.payload, ['phases'])
  await createPhase(testHost.payload, { number: 1, title: 'Planning Phase' })
  const after = await snapshotCollections(testHost.payload, ['phases'])
  expect(after).not.toEqual(before)
  expect(after.phases.totalDocs).toBe(before.phases.totalDocs + 1)
})
