import type { Payload, Where } from 'payload'

import { reclaimStaleJobs } from './jobRecovery'

const jobsCollection = 'payload-jobs'

/** Jobs taken in one run: enough to keep up with a burst of publishes, few enough to run side by side. */
export const jobsPerRun = 50

export type JobRunSummary = {
  /** Jobs this run took from the queue. */
  claimed: number
  durationMs: number
  /** Attempts that failed (to be retried, or for good). */
  failed: number
  /** Stale claims released before the run (jobRecovery.ts). */
  reclaimed: number
  succeeded: number
}

/**
 * One pass over the queue, as the worker (src/worker.ts) and the development server's cron make
 * it: release stale claims, take up to `limit` due jobs, run them side by side, as Payload does.
 *
 * Jobs are taken one by one with a conditional write (still unclaimed, still due), of which only
 * one process can win, and then run by id. Payload's own `jobs.run` takes a batch by reading the
 * due jobs and then marking them `processing` by id, with nothing in between re-checked (payload's
 * runJobs and updateJobs; the SQLite and MongoDB adapters' updateJobs): two workers reading at the
 * same moment would both run the same job.
 *
 * Every queue is served: the worker is the one place jobs run.
 */
export async function runQueuedJobs(payload: Payload, { claimTimeoutMs, limit = jobsPerRun }: { claimTimeoutMs: number; limit?: number }): Promise<JobRunSummary> {
  const started = Date.now()
  const reclaimed = await reclaimStaleJobs(payload, { claimTimeoutMs, limit })
  const due: Where[] = [
    { completedAt: { exists: false } },
    { hasError: { not_equals: true } },
    { processing: { equals: false } },
    { or: [{ waitUntil: { exists: false } }, { waitUntil: { less_than: new Date().toISOString() } }] },
  ]
  const { docs } = await payload.db.find({ collection: jobsCollection, limit, pagination: false, sort: 'createdAt', where: { and: due } })
  const claimed: Array<number | string> = []
  for (const { id } of docs) {
    const taken = await payload.db.updateOne({
      collection: jobsCollection,
      data: { processing: true, updatedAt: new Date().toISOString() },
      options: { atomic: true },
      where: { and: [{ id: { equals: id } }, ...due] },
    })
    if (taken) {
      claimed.push(id)
    }
  }
  // Payload's "Running 1 jobs." for each job would drown the one line the caller logs per run.
  const outcomes = await Promise.allSettled(claimed.map((id) => payload.jobs.runByID({ id, silent: { info: true } })))
  let succeeded = 0
  outcomes.forEach((outcome, index) => {
    if (outcome.status === 'rejected') {
      payload.logger.error({ err: outcome.reason, jobId: claimed[index] }, 'job run failed outside its task')
    } else if (outcome.value.jobStatus?.[String(claimed[index])]?.status === 'success') {
      succeeded += 1
    }
  })
  return { claimed: claimed.length, durationMs: Date.now() - started, failed: claimed.length - succeeded, reclaimed, succeeded }
}

/** The one log line for a run that did something; nothing for an idle poll. */
export function logJobRun(payload: Payload, summary: JobRunSummary): void {
  if (summary.claimed || summary.reclaimed) {
    payload.logger.info(summary, `job run: ${summary.succeeded} succeeded, ${summary.failed} failed, ${summary.reclaimed} reclaimed`)
  }
}
