import type { Access } from 'payload'

import { apiClientsSlug } from '../collections/ApiClients'

/**
 * Wraps a collection's or global's read access: an API client reads only the collections and
 * globals in its scopes, and within them only what they already allow the public.
 */
export const restrictApiClientsToScopes =
  (collection: string, read: Access | undefined): Access =>
  (args) => {
    const user = args.req.user as { collection?: string; scopes?: string[] } | null
    if (user?.collection === apiClientsSlug && !user.scopes?.includes(collection)) {
      return false
    }
    return read ? read(args) : Boolean(args.req.user)
  }
