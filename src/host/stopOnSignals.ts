import type { Host } from './createHost'

/**
 * On SIGTERM or SIGINT: stop accepting, let in-flight requests finish, close the database, then
 * what the host does not own (`afterShutdown`: the Next app), and exit 0; a failed shutdown is
 * logged and exits 1.
 */
export function stopOnSignals(host: Pick<Host, 'payload' | 'shutdown'>, afterShutdown?: () => Promise<void>): void {
  const stop = (signal: NodeJS.Signals) => {
    host.payload.logger.info(`${signal} received: finishing in-flight requests`)
    host
      .shutdown()
      .then(async () => {
        await afterShutdown?.()
        process.exit(0)
      })
      .catch((error: unknown) => {
        host.payload.logger.error({ err: error }, 'shutdown failed')
        process.exit(1)
      })
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}
