import type { CollectionConfig } from 'payload'

import type { ResolvedDeliveryApiOptions } from '../defaults'

import { deliveryStatuses } from '../constants'
import { webhooksSlug } from './Webhooks'

export const webhookDeliveriesSlug = 'webhook-deliveries'

/** The delivery log: one row per event and webhook, updated by each attempt. Written by the system only. */
export function generateWebhookDeliveriesCollection(options: ResolvedDeliveryApiOptions): CollectionConfig {
  return {
    slug: webhookDeliveriesSlug,
    access: {
      create: () => false,
      delete: ({ req }) => options.isAdminRequest(req),
      read: ({ req }) => options.isAdminRequest(req),
      update: () => false,
    },
    admin: { defaultColumns: ['event', 'collection', 'status', 'attempts', 'lastStatusCode', 'updatedAt'], group: 'Settings' },
    // A copied delivery would send an event twice.
    disableDuplicate: true,
    fields: [
      // Not required: deleting a webhook keeps its delivery history.
      { name: 'webhook', type: 'relationship', index: true, relationTo: webhooksSlug as 'users' },
      { name: 'event', type: 'select', options: options.webhooks.events, required: true },
      { name: 'collection', type: 'text' },
      { name: 'documentId', type: 'text' },
      { name: 'status', type: 'select', defaultValue: 'pending', index: true, options: [...deliveryStatuses], required: true },
      { name: 'attempts', type: 'number', defaultValue: 0, required: true },
      { name: 'lastStatusCode', type: 'number' },
      { name: 'lastError', type: 'text' },
      { name: 'deliveredAt', type: 'date' },
      { name: 'body', type: 'json', admin: { description: 'Exactly what was signed and sent.' } },
    ],
  }
}
