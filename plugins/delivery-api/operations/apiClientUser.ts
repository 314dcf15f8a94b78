import type { CollectionSlug, TypedUser } from 'payload'

import type { ActiveApiClient } from './apiClients'

/** An API client as Payload's `req.user`: marked with its collection, as Payload marks every user. */
export const apiClientUser = (client: ActiveApiClient, collection: CollectionSlug): TypedUser =>
  ({ ...client, _strategy: 'api-key', collection }) as unknown as TypedUser
