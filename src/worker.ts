/**
 * The job worker, `npm run worker`: Payload with the project's config and no HTTP at all, running
 * the job queue (webhook deliveries, translation checks, reminders, prints) until SIGTERM or
 * SIGINT. Serving instances then run with RUN_JOBS=false. Several workers may share a database:
 * each job is taken by one of them (src/lib/runQueuedJobs.ts).
 */
import nextEnv from '@next/env'
import { getPayload } from 'payload'

import { closeDatabase } from './db'
import { exitOnStartupFailure, readEnvironment } from './lib/env'
import { projectRoot } from './lib/paths'
import { jobsPerRun, logJobRun, runQueuedJobs } from './lib/runQueuedJobs'

async function main(): Promise<void> {
  nextEnv.loadEnvConfig(projectRoot, process.env.NODE_ENV !== 'production')
  const env = readEnvironment()
  const { default: config } = await import('../payload.config')
  // No crons: this loop is the only thing that runs jobs here, whatever RUN_JOBS says.
  const payload = await getPayload({ config, cron: false })

  let stopping = false
  let wake = () => {}
  const loop = (async () => {
    while (!stopping) {
      let fullRun = false
      try {
        const summary = await runQueuedJobs(payload, { claimTimeoutMs: env.jobClaimTimeoutMs })
        logJobRun(payload, summary)
        fullRun = summary.claimed === jobsPerRun
      } catch (error) {
        // A database that is briefly away must not end the worker; the next poll tries again.
        payload.logger.error({ err: error }, 'job run failed')
      }
      // A full run suggests more jobs are waiting: go on at once.
      if (!fullRun && !stopping) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, env.workerPollMs)
          wake = () => {
            clearTimeout(timer)
            resolve()
          }
        })
      }
    }
  })()
  payload.logger.info(`job worker ready: polling every ${env.workerPollMs} ms, claims expire after ${env.jobClaimTimeoutMs} ms`)

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      return
    }
    stopping = true
    wake()
    payload.logger.info(`${signal} received: taking no new jobs, finishing the running ones`)
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<true>((resolve) => {
      timer = setTimeout(() => resolve(true), env.shutdownTimeoutMs)
    })
    Promise.race([loop.then(() => false), timedOut])
      .then(async (cut) => {
        clearTimeout(timer)
        if (cut) {
          // As the server cuts requests at the timeout. The jobs' claims stay, and another worker
          // runs them again once JOB_CLAIM_TIMEOUT_MS has passed.
          payload.logger.warn(`shutdown: jobs still running after ${env.shutdownTimeoutMs} ms are cut, to be reclaimed`)
        }
        await closeDatabase(payload)
        process.exit(0)
      })
      .catch((error: unknown) => {
        payload.logger.error({ err: error }, 'shutdown failed')
        process.exit(1)
      })
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}

main().catch(exitOnStartupFailure)
