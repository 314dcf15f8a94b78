import type { ApiClientDirectory } from './apiClientAccess'

import { apiClientsSlug, findActiveApiClient } from '../../plugins/delivery-api'

/** The delivery plugin's API clients, as the express host needs them. */
export const apiClientDirectory: ApiClientDirectory = {
  async allowedOrigins(payload) {
    // A system read of configuration, not an action for a user.
    const { docs } = await payload.find({
      collection: apiClientsSlug as 'users',
      depth: 0,
      overrideAccess: true,
      pagination: false,
      where: { revokedAt: { exists: false } },
    })
    return docs.flatMap((doc) => ((doc as unknown as { allowedOrigins?: Array<{ origin: string }> }).allowedOrigins ?? []).map(({ origin }) => origin))
  },
  resolve: findActiveApiClient,
}
