/**
 * Entry of the "bare Payload" server: the same express host as src/server.ts (request ids, access
 * log, security headers, compression, rate limiter, HTTP caching), API only, with bench/bareConfig.
 * Only the Payload config differs, so ours/bare ratios isolate plugins, hooks and access rules.
 */
import { createHost } from '../src/host/createHost'
import { readEnvironment } from '../src/lib/env'

async function main(): Promise<void> {
  const env = readEnvironment()
  const { default: config } = await import('./bareConfig')
  const host = await createHost({
    // No api-clients collection without the delivery-api plugin, hence no key directory.
    cacheMaxAgeSeconds: env.cacheMaxAgeSeconds,
    config,
    corsOrigins: env.corsOrigins,
    isProduction: env.isProduction,
    jsonBodyMaxBytes: env.jsonBodyMaxBytes,
    rateLimit: { max: env.rateLimitMax, staffMax: env.rateLimitStaffMax, windowMs: env.rateLimitWindowMs },
    runJobs: false,
    servedOverHttps: env.servedOverHttps,
    shutdownTimeoutMs: env.shutdownTimeoutMs,
    trustProxy: env.trustProxy,
  })
  const address = await host.listen(env.port, env.host)
  host.payload.logger.info(`Bare Payload API ready on http://${address.address}:${address.port}/api`)

  const stop = (signal: NodeJS.Signals) => {
    host.payload.logger.info(`${signal} received: finishing in-flight requests`)
    host
      .shutdown()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        host.payload.logger.error({ err: error }, 'shutdown failed')
        process.exit(1)
      })
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
