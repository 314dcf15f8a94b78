/**
 * Entry of the "bare Payload" server: the same express host as src/server.ts (request ids, access
 * log, security headers, compression, HTTP caching), API only, with bench/bareConfig: no delivery
 * boundary (API keys, rate limiter), which belongs to the delivery-api plugin.
 * Only the Payload config differs, so ours/bare ratios isolate plugins, hooks and access rules.
 */
import { createHost } from '../src/host/createHost'
import { stopOnSignals } from '../src/host/stopOnSignals'
import { readEnvironment } from '../src/lib/env'

async function main(): Promise<void> {
  const env = readEnvironment()
  const { default: config } = await import('./bareConfig')
  const host = await createHost({
    // No delivery-api plugin, hence no delivery boundary (its API keys and rate limiter).
    cacheMaxAgeSeconds: env.cacheMaxAgeSeconds,
    config,
    isProduction: env.isProduction,
    jsonBodyMaxBytes: env.jsonBodyMaxBytes,
    runJobs: false,
    servedOverHttps: env.servedOverHttps,
    shutdownTimeoutMs: env.shutdownTimeoutMs,
    trustProxy: env.trustProxy,
  })
  const address = await host.listen(env.port, env.host)
  host.payload.logger.info(`Bare Payload API ready on http://${address.address}:${address.port}/api`)
  stopOnSignals(host)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
