import type { CollectionConfig } from 'payload'

import type { ResolvedDeliveryApiOptions } from '../types'

/**
 * Request counts per client and time window, kept in the database so that every app instance
 * sharing it enforces one limit. Written only by operations/rateCounters.ts's atomic increment;
 * invisible to APIs.
 */
export const generateRateLimitCountersCollection = (options: ResolvedDeliveryApiOptions): CollectionConfig => ({
  slug: options.slugs.rateLimitCounters,
  access: { create: () => false, delete: () => false, read: () => false, update: () => false },
  admin: { hidden: true },
  fields: [
    { name: 'key', type: 'text', index: true, required: true, unique: true },
    { name: 'hits', type: 'number', defaultValue: 0, required: true },
    { name: 'expiresAt', type: 'date', index: true, required: true },
  ],
  graphQL: false,
})
