import type { CollectionConfig } from 'payload'

import type { ResolvedPhaseGateOptions } from '../defaults'

import { readEventHashes, readEvents } from '../access/gateSecrecy'
import { EVENT_TYPES } from '../constants'
import { exportEventsEndpoint, verifyChainEndpoint } from '../endpoints/gateEvents'
import { refuseEventChangesBeforeOperation } from '../hooks/refuseEventChangesBeforeOperation'

/**
 * The append-only decision log. Ids are kept as text, not relationships: deleting a user must not
 * rewrite (and so break) entries that name them.
 */
export const generateGateEventsCollection = (options: ResolvedPhaseGateOptions): CollectionConfig => ({
  slug: options.slugs.events,
  access: {
    create: () => false,
    delete: () => false,
    read: readEvents(options),
    update: () => false,
  },
  admin: { defaultColumns: ['sequence', 'type', 'actorName', 'at'], group: 'Steering group', useAsTitle: 'type' },
  defaultSort: 'sequence',
  // The decision log is appended by the plugin only.
  disableDuplicate: true,
  endpoints: [verifyChainEndpoint(options), exportEventsEndpoint(options)],
  fields: [
    { name: 'sequence', type: 'number', index: true, required: true, unique: true },
    { name: 'type', type: 'select', options: [...EVENT_TYPES], required: true },
    { name: 'at', type: 'text', required: true },
    { name: 'actor', type: 'text' },
    { name: 'actorName', type: 'text' },
    { name: 'phase', type: 'text', index: true },
    { name: 'gate', type: 'text', index: true },
    { name: 'round', type: 'text', index: true },
    { name: 'data', type: 'json' },
    { name: 'prevHash', type: 'text', access: { read: readEventHashes(options) }, required: true },
    { name: 'hash', type: 'text', access: { read: readEventHashes(options) }, required: true },
  ],
  hooks: { beforeOperation: [refuseEventChangesBeforeOperation] },
})
