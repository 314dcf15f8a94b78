import type { Job, Payload, Where } from 'payload'

import { randomBytes } from 'node:crypto'

const jobsCollection = 'payload-jobs'

/**
 * Releases jobs whose claim is older than `claimTimeoutMs`: Payload sets `processing: true` when a
 * process takes a job and clears it when the job ends, so a process that died meanwhile (SIGKILL,
 * out of memory, a lost machine) leaves the job claimed, and never run again, for good.
 *
 * `updatedAt` dates the claim: Payload's claim writes it, and so does every step a running job
 * logs. The timeout must be longer than any single task may run, or a job still running elsewhere
 * would be released and run twice.
 *
 * The released attempt counts as a failed try, logged as such in the job's own log, so the
 * task's retry limit still applies: a job whose attempts run out this way fails for good instead of
 * being run again. Resolves to the number of jobs released or failed.
 *
 * Only task jobs are queued in this project. A workflow job's log does not say which of its steps
 * was running, so there is no task to charge the attempt to: such jobs are left alone.
 */
export async function reclaimStaleJobs(payload: Payload, { claimTimeoutMs, limit = 50 }: { claimTimeoutMs: number; limit?: number }): Promise<number> {
  const cutoff = new Date(Date.now() - claimTimeoutMs).toISOString()
  const stale: Where[] = [{ processing: { equals: true } }, { updatedAt: { less_than: cutoff } }, { taskSlug: { exists: true } }]
  const { docs } = await payload.db.find<Job>({ collection: jobsCollection, limit, pagination: false, sort: 'updatedAt', where: { and: stale } })
  let reclaimed = 0
  for (const job of docs) {
    // A conditional write that only one process can win: it renews the claim, so a second worker
    // that read the same stale job finds it no longer matches and leaves it alone. Payload's own
    // claim is a read and then an unconditional write, which two processes can both make.
    const taken = await payload.db.updateOne({
      collection: jobsCollection,
      data: { updatedAt: new Date().toISOString() },
      options: { atomic: true },
      where: { and: [{ id: { equals: job.id } }, ...stale] },
    })
    if (!taken) {
      continue
    }
    await releaseAsFailedTry(payload, job, claimTimeoutMs)
    reclaimed += 1
  }
  return reclaimed
}

/** What Payload itself writes when a task attempt fails (its handleTaskError), with no backoff: the claim timeout already waited longer. */
async function releaseAsFailedTry(payload: Payload, job: Job, claimTimeoutMs: number) {
  const task = payload.config.jobs.tasks?.find(({ slug }) => slug === job.taskSlug)
  const retries = task?.retries
  const maxRetries = (typeof retries === 'object' ? retries.attempts : retries) ?? 0
  // Payload runs a task job as the single task with ID '1' and counts its attempts in the log.
  const earlierTries = (job.log ?? []).filter((entry) => entry.taskSlug === job.taskSlug && entry.taskID === '1').length
  const exhausted = earlierTries >= maxRetries
  const message = `Reclaimed: claimed at ${String(job.updatedAt)} and not finished within JOB_CLAIM_TIMEOUT_MS (${claimTimeoutMs} ms); the process running it stopped.`
  const error = { name: 'JobClaimTimeoutError', cancelled: false, message }
  await payload.db.updateJobs({
    id: job.id,
    data: {
      ...(exhausted ? { error } : {}),
      hasError: exhausted,
      log: {
        $push: {
          id: randomBytes(12).toString('hex'),
          completedAt: new Date().toISOString(),
          error,
          executedAt: job.updatedAt,
          input: job.input,
          output: {},
          state: 'failed',
          taskID: '1',
          taskSlug: job.taskSlug,
        },
      },
      processing: false,
      totalTried: (job.totalTried ?? 0) + 1,
    },
  })
  payload.logger.warn(
    { attempt: earlierTries + 1, jobId: job.id, task: job.taskSlug },
    exhausted ? `job ${String(job.id)} reclaimed after a stopped run; no attempts left, failed` : `job ${String(job.id)} reclaimed after a stopped run; queued again`,
  )
}
