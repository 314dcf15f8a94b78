/**
 * Claims left by a process that stopped (src/lib/jobRecovery.ts) and jobs taken by one run only
 * (src/lib/runQueuedJobs.ts), on this file's database. Two passes started together in one process
 * interleave at every database call, as two workers would.
 */
import type { Payload } from 'payload'

import { deliverWebhookTaskSlug } from '@plugins/delivery-api/constants'

import { reclaimStaleJobs } from '@/lib/jobRecovery'
import { runQueuedJobs } from '@/lib/runQueuedJobs'

import { bootPayload, shutdownPayload } from '../helpers/payload'

let payload: Payload
const claimTimeoutMs = 60_000

beforeAll(async () => {
  payload = await bootPayload()
})

afterAll(async () => {
  await shutdownPayload(payload)
})

beforeEach(async () => {
  await payload.delete({ collection: 'payload-jobs', overrideAccess: true, where: {} })
})

/** A webhook delivery that does not exist: each run of it fails at once and is logged. */
const queueFailingJob = async () => (await payload.jobs.queue({ input: { deliveryId: 'missing' }, task: deliverWebhookTaskSlug })).id

/** As a process leaves the job when it dies `ageMs` after claiming it. */
async function claim(id: number | string, ageMs: number) {
  await payload.db.updateJobs({ id, data: { processing: true, updatedAt: new Date(Date.now() - ageMs).toISOString() } })
}

const jobById = (id: number | string) => payload.findByID({ id, collection: 'payload-jobs', depth: 0, overrideAccess: true })

test('a claim older than the timeout is released as a failed try; a younger one is left alone', async () => {
  const stale = await queueFailingJob()
  const running = await queueFailingJob()
  await claim(stale, claimTimeoutMs + 1_000)
  await claim(running, claimTimeoutMs - 5_000)

  expect(await reclaimStaleJobs(payload, { claimTimeoutMs })).toBe(1)
  const released = await jobById(stale)
  expect(released).toMatchObject({ hasError: false, processing: false, totalTried: 1 })
  expect(released.log).toMatchObject([
    { error: { name: 'JobClaimTimeoutError', message: expect.stringMatching(/^Reclaimed: /) }, state: 'failed', taskID: '1', taskSlug: deliverWebhookTaskSlug },
  ])
  expect(await jobById(running)).toMatchObject({ processing: true, totalTried: 0 })
})

test('two passes reclaiming the same stale job at once: one of them does it', async () => {
  const id = await queueFailingJob()
  await claim(id, claimTimeoutMs + 1_000)
  const counts = await Promise.all([reclaimStaleJobs(payload, { claimTimeoutMs }), reclaimStaleJobs(payload, { claimTimeoutMs })])
  expect(counts.sort()).toEqual([0, 1])
  expect((await jobById(id)).log).toHaveLength(1)
})

test("reclaims count against the task's retries: once they are used up the job fails for good and is not run again", async () => {
  const retries = payload.config.jobs.tasks!.find(({ slug }) => slug === deliverWebhookTaskSlug)!.retries as { attempts: number }
  const id = await queueFailingJob()
  for (let attempt = 1; attempt <= retries.attempts + 1; attempt += 1) {
    expect(await jobById(id)).toMatchObject({ hasError: false })
    await claim(id, claimTimeoutMs + 1_000)
    expect(await reclaimStaleJobs(payload, { claimTimeoutMs })).toBe(1)
  }
  const failed = await jobById(id)
  expect(failed).toMatchObject({ error: { name: 'JobClaimTimeoutError' }, hasError: true, processing: false, totalTried: retries.attempts + 1 })
  expect(failed.log).toHaveLength(retries.attempts + 1)
  expect((await runQueuedJobs(payload, { claimTimeoutMs })).claimed).toBe(0)
})

test('two passes over the same queue at once run each job once', async () => {
  const ids = [await queueFailingJob(), await queueFailingJob(), await queueFailingJob(), await queueFailingJob(), await queueFailingJob()]
  // Each failed run logs its error (the whole job): counted here instead of printed.
  const { error } = payload.logger
  let failedRuns = 0
  payload.logger.error = (() => (failedRuns += 1)) as typeof error
  try {
    const [first, second] = await Promise.all([runQueuedJobs(payload, { claimTimeoutMs }), runQueuedJobs(payload, { claimTimeoutMs })])
    expect(first!.claimed + second!.claimed).toBe(5)
  } finally {
    payload.logger.error = error
  }
  expect(failedRuns).toBe(5)
  for (const id of ids) {
    // One failed attempt each, now waiting for its retry (the backoff's waitUntil).
    const job = await jobById(id)
    expect(job).toMatchObject({ hasError: false, processing: false, totalTried: 1 })
    expect(job.log).toHaveLength(1)
  }
})
