import type { CollectionConfig } from 'payload'

import type { ResolvedDeliveryApiOptions } from '../types'

import { adminOnly } from '../access/adminOnly'
import { deliveryStatuses } from '../constants'

/** The delivery log: one row per event and webhook, updated by each attempt. Written by the system only. */
export function generateWebhookDeliveriesCollection(options: ResolvedDeliveryApiOptions): CollectionConfig {
  return {
    slug: options.slugs.webhookDeliveries,
    access: {
      create: () => false,
      delete: adminOnly(options),
      read: adminOnly(options),
      update: () => false,
    },
    admin: { defaultColumns: ['event', 'collection', 'status', 'attempts', 'lastStatusCode', 'updatedAt'], group: 'Settings' },
    // A copied delivery would send an event twice.
    disableDuplicate: true,
    fields: [
      // Not required: deleting a webhook keeps its delivery history.
      { name: 'webhook', type: 'relationship', index: true, relationTo: options.slugs.webhooks },
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
