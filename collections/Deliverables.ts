import type { CollectionConfig } from 'payload'

import { slugField } from '@/fields/slug'
import { deliverableTypes, practitionerAudiences, workStatuses } from '@/lib/vocabularies'

import { contentAccess, contentVersions, publishedListIndex } from './shared/content'

export const Deliverables: CollectionConfig = {
  slug: 'deliverables',
  access: contentAccess,
  admin: {
    defaultColumns: ['title', 'type', 'phase', 'workStatus', 'dueDate'],
    group: 'Programme',
    useAsTitle: 'title',
  },
  fields: [
    { name: 'title', type: 'text', localized: true, required: true },
    slugField(),
    { name: 'type', type: 'select', options: deliverableTypes, required: true },
    { name: 'phase', type: 'relationship', index: true, relationTo: 'phases', required: true },
    { name: 'description', type: 'richText', localized: true },
    { name: 'audiences', type: 'select', hasMany: true, options: practitionerAudiences },
    {
      name: 'file',
      type: 'upload',
      admin: { description: 'The PDF in this language; other languages fall back to English.' },
      filterOptions: { mimeType: { equals: 'application/pdf' } },
      localized: true,
      relationTo: 'media',
    },
    { name: 'responsiblePartners', type: 'relationship', hasMany: true, relationTo: 'partners' },
    {
      name: 'dueDate',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayOnly' }, position: 'sidebar' },
    },
    {
      name: 'workStatus',
      type: 'select',
      admin: { position: 'sidebar' },
      defaultValue: 'not-started',
      index: true,
      options: workStatuses,
    },
  ],
  indexes: publishedListIndex(),
  versions: contentVersions,
}
