import type { AuthStrategy, CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionConfig, Field, Payload } from 'payload'

import type { ResolvedDeliveryApiOptions } from '../defaults'

import { apiKeyFromHeaders, generateApiKey, hashApiKey } from '../utilities/apiKeys'

export const apiClientsSlug = 'api-clients'

export type ActiveApiClient = { allowedOrigins: string[]; id: number | string; name: string; rateLimit?: null | number; scopes: string[] }

/**
 * Looks up the client a key belongs to. Revoked or unknown keys give null: the caller refuses the
 * request at once rather than serving it as anonymous. A system lookup, hence access off.
 */
export async function findActiveApiClient(payload: Payload, key: string): Promise<ActiveApiClient | null> {
  const { docs } = await payload.find({
    collection: apiClientsSlug as 'users',
    depth: 0,
    limit: 1,
    overrideAccess: true,
    where: { and: [{ keyHash: { equals: hashApiKey(key) } }, { revokedAt: { exists: false } }] },
  })
  type Stored = { allowedOrigins?: Array<{ origin: string }> } & Omit<ActiveApiClient, 'allowedOrigins'>
  const client = docs[0] as unknown as Stored | undefined
  if (!client) {
    return null
  }
  return { ...client, allowedOrigins: (client.allowedOrigins ?? []).map(({ origin }) => origin), scopes: client.scopes ?? [] }
}

const apiKeyStrategy: AuthStrategy = {
  name: 'api-key',
  authenticate: async ({ headers, payload }) => {
    const key = apiKeyFromHeaders(headers)
    const client = key ? await findActiveApiClient(payload, key) : null
    return { user: client ? ({ ...client, _strategy: 'api-key', collection: apiClientsSlug } as never) : null }
  },
}

// The plaintext key exists only between these two hooks: generated, hashed, shown once, forgotten.
const issueKeyBeforeChange: CollectionBeforeChangeHook = ({ context, data, operation }) => {
  if (operation === 'create' || context.rotateApiKey) {
    const key = generateApiKey()
    context.issuedApiKey = key
    return { ...data, keyHash: hashApiKey(key), keyHint: `${key.slice(0, 8)}…${key.slice(-4)}` }
  }
  return data
}

const showKeyOnceAfterChange: CollectionAfterChangeHook = ({ context, doc }) =>
  typeof context.issuedApiKey === 'string' ? { ...doc, apiKey: context.issuedApiKey } : doc

const originPattern = /^https?:\/\/[a-z0-9.-]+(:\d+)?$/i

export function generateApiClientsCollection(options: ResolvedDeliveryApiOptions, scopeOptions: string[]): CollectionConfig {
  const fields: Field[] = [
    { name: 'name', type: 'text', required: true },
    {
      name: 'scopes',
      type: 'select',
      admin: { description: 'Collections this client may read (published content only).' },
      hasMany: true,
      options: scopeOptions,
      required: true,
    },
    {
      name: 'allowedOrigins',
      type: 'array',
      admin: { description: 'Web pages allowed to use this key from a browser, e.g. https://www.example.org.' },
      fields: [
        {
          name: 'origin',
          type: 'text',
          required: true,
          validate: (value: null | string | undefined) =>
            value && originPattern.test(value) ? true : 'An origin is scheme://host[:port], without a path.',
        },
      ],
    },
    {
      name: 'rateLimit',
      type: 'number',
      admin: { description: `Requests per window; empty uses the default.` },
      min: 1,
    },
    { name: 'keyHint', type: 'text', admin: { readOnly: true }, label: 'Key (first and last characters)' },
    {
      name: 'keyHash',
      type: 'text',
      // Set only by the hook below; never readable or writable through any API, admins included.
      access: { create: () => false, read: () => false, update: () => false },
      admin: { hidden: true },
      index: true,
      unique: true,
    },
    {
      name: 'revokedAt',
      type: 'date',
      admin: { description: 'Set to revoke the key at once.', position: 'sidebar' },
    },
  ]
  return {
    slug: apiClientsSlug,
    access: {
      create: ({ req }) => options.isAdminRequest(req),
      delete: ({ req }) => options.isAdminRequest(req),
      read: ({ req }) => options.isAdminRequest(req),
      update: ({ req }) => options.isAdminRequest(req),
    },
    admin: { defaultColumns: ['name', 'scopes', 'keyHint', 'revokedAt'], group: 'Settings', useAsTitle: 'name' },
    auth: { disableLocalStrategy: true, strategies: [apiKeyStrategy] },
    // A copy would share the original's key hash.
    disableDuplicate: true,
    fields,
    hooks: { afterChange: [showKeyOnceAfterChange], beforeChange: [issueKeyBeforeChange] },
  }
}
