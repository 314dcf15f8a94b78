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
