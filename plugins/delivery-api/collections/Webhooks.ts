import type { CollectionConfig, TextFieldSingleValidation } from 'payload'

import { randomBytes } from 'node:crypto'

import type { ResolvedDeliveryApiOptions } from '../types'

import { adminOnly } from '../access/adminOnly'
import { checkWebhookTarget } from '../utilities/webhookTargets'

const validateTarget: TextFieldSingleValidation = async (value, { siblingData }) => {
  if (!value) {
    return 'A URL is required.'
  }
  const problem = await checkWebhookTarget(value, Boolean((siblingData as { allowPrivateNetwork?: boolean }).allowPrivateNetwork))
  return problem ?? true
}

/** Sites that want to hear about changes: each gets signed POSTs for the events and collections it picks. */
export function generateWebhooksCollection(options: ResolvedDeliveryApiOptions): CollectionConfig {
  return {
    slug: options.slugs.webhooks,
    access: { create: adminOnly(options), delete: adminOnly(options), read: adminOnly(options), update: adminOnly(options) },
    admin: { defaultColumns: ['name', 'url', 'events', 'active'], group: 'Settings', useAsTitle: 'name' },
    fields: [
      { name: 'name', type: 'text', required: true },
      { name: 'url', type: 'text', required: true, validate: validateTarget },
      {
        name: 'allowPrivateNetwork',
        type: 'checkbox',
        admin: { description: 'Allow a receiver on a private or loopback address (our own network only). Off by default to prevent SSRF.' },
        defaultValue: false,
      },
      { name: 'events', type: 'select', hasMany: true, options: options.webhooks.events, required: true },
      {
        name: 'collections',
        type: 'select',
        admin: { description: 'Empty: every collection.' },
        hasMany: true,
        options: options.webhookCollections,
      },
      {
        name: 'secret',
        type: 'text',
        admin: { description: 'Shared with the receiver to verify the X-JEC-Signature header. Generated when left empty.' },
        hooks: { beforeChange: [({ value }) => (value ? value : `whsec_${randomBytes(24).toString('base64url')}`)] },
      },
      { name: 'active', type: 'checkbox', defaultValue: true },
    ],
  }
}
