import type { Config } from 'payload'

import type { DeliveryApiOptions, DeliveryApiUser } from './types'

import { resolveDeliveryApiOptions } from './defaults'

const config = {
  collections: [
    { slug: 'members', auth: true, fields: [] },
    { slug: 'articles', fields: [] },
    { slug: 'drafts-only', admin: { hidden: true }, fields: [] },
  ],
  globals: [{ slug: 'site', fields: [] }],
} as unknown as Config
const everyone = { isAdmin: () => true, isStaff: () => true }
const resolve = (options: Partial<DeliveryApiOptions> = {}) => resolveDeliveryApiOptions({ access: everyone, ...options }, config)
const user = (collection: string) => ({ id: 1, collection }) as unknown as DeliveryApiUser

test('defaults: the plugin slugs, content collections for webhooks, content collections and globals for keys', () => {
  const options = resolve()
  expect(options.slugs).toEqual({ apiClients: 'api-clients', webhookDeliveries: 'webhook-deliveries', webhooks: 'webhooks' })
  expect(options.webhookCollections).toEqual(['articles'])
  expect(options.clientScopes).toEqual(['articles', 'site'])
  expect(options.webhooks.events).toEqual(['publish', 'unpublish', 'delete'])
})

test('an API client is never admin or staff, whatever the predicates say; people are what they say', () => {
  const options = resolve({ slugs: { apiClients: 'site-keys' } })
  expect([options.isAdmin(user('site-keys')), options.isStaff(user('site-keys'))]).toEqual([false, false])
  expect([options.isAdmin(user('members')), options.isStaff(user('members'))]).toEqual([true, true])
})

test.each<[string, Partial<DeliveryApiOptions>, RegExp]>([
  ['a slug of its own the config already uses', { slugs: { webhooks: 'articles' } }, /already has a collection "articles"/],
  ['a readable collection the config does not have', { readableCollections: ['articles', 'nope'] }, /names nope/],
  ['a public page of no documents', { rest: { maxPublicLimit: 0 } }, /rest.maxPublicLimit must be a whole number of 1 or more; got 0/],
  ['no delivery attempt', { webhooks: { maxAttempts: 0 } }, /webhooks.maxAttempts/],
])('refused at start: %s', (_name, options, message) => {
  expect(() => resolve(options)).toThrow(message)
})
