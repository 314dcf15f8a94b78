/**
 * The process entry point: `npm run dev` and `npm start` both run this file. Express answers health
 * checks and the API itself and hands every other path (the admin UI) to Next.
 */
import nextEnv from '@next/env'
import next from 'next'

import { deliveryBoundaryOf } from './deliveryBoundary'
import { createHost } from './host/createHost'
import { stopOnSignals } from './host/stopOnSignals'
import { exitOnStartupFailure, readEnvironment } from './lib/env'
import { projectRoot } from './lib/paths'
import { responseCacheOf } from './responseCache'
import { isProgrammeEmpty, seedProgramme } from './seed/seedProgramme'

async function main(): Promise<void> {
  // Same .env files, same precedence as Next and the Payload CLI: .env.local over .env, etc.
  nextEnv.loadEnvConfig(projectRoot, process.env.NODE_ENV !== 'production')
  const env = readEnvironment()
  const { default: config } = await import('../payload.config')

  const nextApp = env.serveAdmin
    ? next({ dev: !env.isProduction, dir: projectRoot, hostname: env.host, port: env.port })
    : undefined
  await nextApp?.prepare()
  const handle = nextApp?.getRequestHandler()

  const host = await createHost({
    apiMiddleware: [deliveryBoundaryOf(env)],
    cacheMaxAgeSeconds: env.cacheMaxAgeSeconds,
    config,
    headersTimeoutMs: env.headersTimeoutMs,
    isProduction: env.isProduction,
    jsonBodyMaxBytes: env.jsonBodyMaxBytes,
    keepAliveTimeoutMs: env.keepAliveTimeoutMs,
    nextHandler: handle && ((req, res) => handle(req, res)),
    responseCache: responseCacheOf,
    runJobs: env.runJobs,
    servedOverHttps: env.servedOverHttps,
    shutdownTimeoutMs: env.shutdownTimeoutMs,
    trustProxy: env.trustProxy,
  })
  if (env.responseCache && !env.redisUrl && !env.runJobs) {
    // The in-process cache hears only this process's writes; a separate worker's (print editions,
    // delivery records) and other instances' would go unseen until answers expire.
    host.payload.logger.warn(
      `RUN_JOBS=false without REDIS_URL: the response cache is this process's own and will not hear writes made by the job worker or other instances (answers may lag up to ${env.responseCacheTtlSeconds} s). Set REDIS_URL, or RESPONSE_CACHE=false.`,
    )
  }
  if (env.seedOnStart && (await isProgrammeEmpty(host.payload))) {
    await seedProgramme(host.payload)
  }
  const address = await host.listen(env.port, env.host)
  const url = `http://${address.address}:${address.port}`
  host.payload.logger.info(env.serveAdmin ? `Joint Efforts CMS ready on ${url}/admin` : `Joint Efforts CMS API ready on ${url}/api`)
  stopOnSignals(host, async () => {
    await nextApp?.close()
  })
}

main().catch(exitOnStartupFailure)
