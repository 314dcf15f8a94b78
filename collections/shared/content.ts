import type { CollectionConfig } from 'payload'

import { canEditContent } from '@/access/canEditContent'
import { isStaff } from '@/access/isStaff'
import { publishedOrStaff } from '@/access/publishedOrStaff'

/** Who may do what with programme content: editors write, staff read drafts, the public reads published. */
export const contentAccess: NonNullable<CollectionConfig['access']> = {
  create: canEditContent,
  delete: canEditContent,
  read: publishedOrStaff,
  readVersions: isStaff,
  update: canEditContent,
}

/** Every content collection keeps drafts and a history, so nothing half-written goes public. */
export const contentVersions: NonNullable<CollectionConfig['versions']> = {
  drafts: true,
  maxPerDoc: 50,
}

/**
 * Public reads ask for published documents in the collection's list order. Without an index on
 * both, the database collects every published document, builds each one's localized and array
 * columns, sorts them all and keeps ten; with it, it reads the first ten in order and stops.
 */
export const publishedListIndex = (sortField = 'createdAt'): NonNullable<CollectionConfig['indexes']> => [{ fields: ['_status', sortField] }]
