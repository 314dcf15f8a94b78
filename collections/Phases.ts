import type { CollectionConfig } from 'payload'

import { countryField } from '@/fields/country'
import { dateRangeFields } from '@/fields/dateRange'
import { slugField } from '@/fields/slug'
import { activityKinds, phaseStatuses } from '@/lib/vocabularies'

import { contentAccess, contentVersions, publishedListIndex } from './shared/content'

export const Phases: CollectionConfig = {
  slug: 'phases',
  access: contentAccess,
  admin: {
    defaultColumns: ['number', 'title', 'status', 'startDate', 'endDate'],
    group: 'Programme',
    useAsTitle: 'title',
  },
  defaultSort: 'number',
  fields: [
    {
      name: 'number',
      type: 'number',
      admin: { description: 'Phases run in this order (1–5).', position: 'sidebar' },
      index: true,
      max: 5,
      min: 1,
      required: true,
      unique: true,
    },
    { name: 'title', type: 'text', localized: true, required: true },
    slugField(),
    {
      name: 'status',
      type: 'select',
      admin: { position: 'sidebar' },
      defaultValue: 'planned',
      index: true,
      options: phaseStatuses,
    },
    { name: 'summary', type: 'richText', localized: true },
    {
      name: 'objectives',
      type: 'array',
      fields: [{ name: 'objective', type: 'text', localized: true, required: true }],
    },
    { type: 'row', fields: dateRangeFields('startDate', 'endDate') },
    {
      name: 'keyActivities',
      type: 'array',
      fields: [
        { name: 'title', type: 'text', localized: true, required: true },
        {
          type: 'row',
          fields: [
            { name: 'kind', type: 'select', options: activityKinds, required: true },
            { name: 'date', type: 'date', admin: { date: { pickerAppearance: 'dayOnly' } } },
          ],
        },
        {
          type: 'row',
          fields: [{ name: 'location', type: 'text', localized: true }, countryField()],
        },
      ],
    },
  ],
  indexes: publishedListIndex('number'),
  versions: contentVersions,
}
