import type { AuthStrategy, CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionConfig, CollectionSlug, Field } from 'payload'

import type { ResolvedDeliveryApiOptions } from '../types'

import { adminOnly } from '../access/adminOnly'
import { findActiveApiClient } from '../operations/apiClients'
import { apiClientUser } from '../operations/apiClientUser'
import { apiKeyFromHeaders, generateApiKey, hashApiKey } from '../utilities/apiKeys'
import { requestIdentity } from '../utilities/requestIdentity'

/**
 * Payload's auth for a key. Through the delivery boundary the request's identity is already
 * resolved (key parsed, client looked up, or a staff token verified by Payload's own strategies):
 * it is handed over as it is. Without the boundary (the admin UI through Next, a project that does
 * not mount it) the key is parsed and looked up here.
 */
const apiKeyStrategy = (collection: CollectionSlug): AuthStrategy => ({
  name: 'api-key',
  authenticate: async ({ headers, payload }) => {
    const resolved = requestIdentity.getStore()
    if (resolved) {
      return resolved.auth
    }
    const key = apiKeyFromHeaders(headers)
    const client = key ? await findActiveApiClient(payload, collection, key) : null
    return { user: client ? apiClientUser(client, collection) : null }
  },
})

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

export function generateApiClientsCollection(options: ResolvedDeliveryApiOptions): CollectionConfig {
  const fields: Field[] = [
    { name: 'name', type: 'text', required: true },
    {
      name: 'scopes',
      type: 'select',
      admin: { description: 'Collections this client may read (published content only).' },
      hasMany: true,
      options: options.clientScopes,
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
    slug: options.slugs.apiClients,
    access: { create: adminOnly(options), delete: adminOnly(options), read: adminOnly(options), update: adminOnly(options) },
    admin: { defaultColumns: ['name', 'scopes', 'keyHint', 'revokedAt'], group: 'Settings', useAsTitle: 'name' },
    auth: { disableLocalStrategy: true, strategies: [apiKeyStrategy(options.slugs.apiClients)] },
    // A copy would share the original's key hash.
    disableDuplicate: true,
    fields,
    hooks: { afterChange: [showKeyOnceAfterChange], beforeChange: [issueKeyBeforeChange] },
  }
}
