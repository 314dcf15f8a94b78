import type { CollectionSlug, Payload } from 'payload'

import { hashApiKey } from '../utilities/apiKeys'

export type ActiveApiClient = { allowedOrigins: string[]; id: number | string; name: string; rateLimit?: null | number; scopes: string[] }

type StoredClient = { allowedOrigins?: Array<{ origin: string }> } & Omit<ActiveApiClient, 'allowedOrigins'>

/**
 * Looks up the client a key belongs to. Revoked or unknown keys give null: the caller refuses the
 * request at once rather than serving it as anonymous. A system lookup, hence access off.
 */
export async function findActiveApiClient(payload: Payload, collection: CollectionSlug, key: string): Promise<ActiveApiClient | null> {
  const { docs } = await payload.find({
    collection,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    where: { and: [{ keyHash: { equals: hashApiKey(key) } }, { revokedAt: { exists: false } }] },
  })
  const client = docs[0] as StoredClient | undefined
  if (!client) {
    return null
  }
  return { ...client, allowedOrigins: (client.allowedOrigins ?? []).map(({ origin }) => origin), scopes: client.scopes ?? [] }
}

/** Every origin any active client may call from (answers browsers' preflight requests). A system read of configuration. */
export async function activeClientOrigins(payload: Payload, collection: CollectionSlug): Promise<string[]> {
  const { docs } = await payload.find({
    collection,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    where: { revokedAt: { exists: false } },
  })
  return docs.flatMap((doc) => ((doc as StoredClient).allowedOrigins ?? []).map(({ origin }) => origin))
}
