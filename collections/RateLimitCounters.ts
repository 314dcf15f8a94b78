import type { CollectionConfig } from 'payload'

/**
 * Request counts per client and time window, kept in the database so that every app instance
 * sharing it enforces one limit. Written only by src/db.ts's atomic increment; invisible to APIs.
 */
export const RateLimitCounters: CollectionConfig = {
  slug: 'rate-limit-counters',
  access: { create: () => false, delete: () => false, read: () => false, update: () => false },
  admin: { hidden: true },
  fields: [
    { name: 'key', type: 'text', index: true, required: true, unique: true },
    { name: 'hits', type: 'number', defaultValue: 0, required: true },
    { name: 'expiresAt', type: 'date', index: true, required: true },
  ],
  graphQL: false,
}
