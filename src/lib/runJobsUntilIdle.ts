import type { Payload } from 'payload'

/**
 * Runs the job queue as the worker does, again and again, until no job is due: for the tests, the
 * benchmark and scripts, which need a write's consequences (a print rendered) before they go on.
 * Jobs that failed for good or wait for a later time are left alone.
 */
export async function runJobsUntilIdle(payload: Payload, { limit = 50, maxRuns = 20 }: { limit?: number; maxRuns?: number } = {}): Promise<void> {
  for (let run = 0; run < maxRuns; run += 1) {
    const { totalDocs } = await payload.count({
      collection: 'payload-jobs',
      // The queue as the system sees it: nobody's request, as when the cron runs it.
      overrideAccess: true,
      where: {
        and: [
          { completedAt: { exists: false } },
          { hasError: { not_equals: true } },
          { or: [{ waitUntil: { exists: false } }, { waitUntil: { less_than: new Date().toISOString() } }] },
        ],
      },
    })
    if (!totalDocs) {
      return
    }
    await payload.jobs.run({ limit, overrideAccess: true })
  }
  throw new Error(`the job queue did not settle within ${maxRuns} runs`)
}
