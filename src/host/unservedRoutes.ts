import type { SanitizedConfig } from 'payload'

/**
 * Payload's REST router registers the version and e-mail verification routes for every collection
 * and global, whatever its config; where the feature is off, the operation behind them fails on a
 * table or setting that does not exist and answers 500 (logged as an error) to anyone who asks.
 * They are answered 404 before reaching Payload, as routes that do not exist.
 */
export function isUnservedRoute(config: SanitizedConfig, segments: string[]): boolean {
  const [first, second, third] = segments
  if (first === 'globals') {
    const global = config.globals.find(({ slug }) => slug === second)
    return Boolean(global && third === 'versions' && !global.versions)
  }
  if (first === 'payload-jobs' && second === 'handle-schedules') {
    // Payload throws (500) here when no task or workflow has a schedule.
    const scheduled = [...(config.jobs.tasks ?? []), ...(config.jobs.workflows ?? [])].some((job) => job.schedule?.length)
    return !scheduled
  }
  const collection = config.collections.find(({ slug }) => slug === first)
  if (!collection) {
    return false
  }
  if (second === 'versions') {
    return !collection.versions
  }
  // Only auth collections have Payload's verification route; others may have a custom `verify` (the gate's log check).
  return second === 'verify' && Boolean(collection.auth) && !collection.auth.verify
}
