import type { Payload, SanitizedConfig } from 'payload'

import { getPayload } from 'payload'

/**
 * Boots a Payload from the given config (a plugin's minimal test config) instead of the project's.
 * The config picks its database in this file's work folder (environment.ts), so each boot is fresh.
 * Close it with shutdownPayload (payload.ts).
 */
export async function bootMinimalPayload(config: Promise<SanitizedConfig>): Promise<Payload> {
  return getPayload({ config: await config })
}
