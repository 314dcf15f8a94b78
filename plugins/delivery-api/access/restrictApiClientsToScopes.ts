import type { Access } from 'payload'

import type { ResolvedDeliveryApiOptions } from '../types'

/**
 * Wraps a collection's or global's read access: an API client reads only the collections and
 * globals in its scopes, and within them only what they already allow the public.
 */
export const restrictApiClientsToScopes =
  (options: Pick<ResolvedDeliveryApiOptions, 'slugs'>, collection: string, read: Access | undefined): Access =>
  (args) => {
    const user = args.req.user as { collection?: string; scopes?: string[] } | null
    if (user?.collection === options.slugs.apiClients && !user.scopes?.includes(collection)) {
      return false
    }
    return read ? read(args) : Boolean(args.req.user)
  }
