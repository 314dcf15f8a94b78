import type { CollectionConfig } from 'payload'

import { slugField } from '@/fields/slug'
import { staffOnly } from '@/fields/staffOnly'
import { deliveryMethods, practitionerAudiences } from '@/lib/vocabularies'

import { contentAccess, contentVersions, publishedListIndex } from '../shared/content'
import { validatePrerequisites } from './hooks/validatePrerequisites'

export const TrainingModules: CollectionConfig = {
  slug: 'training-modules',
  access: contentAccess,
  admin: {
    defaultColumns: ['code', 'title', 'durationMinutes', 'phase'],
    group: 'Curriculum',
    useAsTitle: 'title',
  },
  defaultSort: 'order',
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'code',
          type: 'text',
          admin: { description: 'Short unique code, e.g. M3.' },
          index: true,
          required: true,
          unique: true,
          validate: (value: null | string | undefined) =>
            value && /^[A-Z]{1,3}\d{1,3}$/.test(value) ? true : 'Use capital letters then digits, e.g. M3.',
        },
        { name: 'order', type: 'number', admin: { description: 'Position in the curriculum.' }, index: true, min: 0 },
      ],
    },
    { name: 'title', type: 'text', localized: true, required: true },
    slugField(),
    {
      name: 'learningObjectives',
      type: 'array',
      fields: [{ name: 'objective', type: 'text', localized: true, required: true }],
    },
    { name: 'targetAudiences', type: 'select', hasMany: true, options: practitionerAudiences },
    {
      type: 'row',
      fields: [
        { name: 'durationMinutes', type: 'number', max: 60 * 24 * 5, min: 1 },
        { name: 'deliveryMethods', type: 'select', hasMany: true, options: deliveryMethods },
      ],
    },
    { name: 'content', type: 'richText', localized: true },
    staffOnly({ name: 'trainerNotes', type: 'richText', localized: true }),
    { name: 'resources', type: 'upload', hasMany: true, relationTo: 'media' },
    {
      name: 'prerequisites',
      type: 'relationship',
      hasMany: true,
      relationTo: 'training-modules',
      validate: validatePrerequisites,
    },
    { name: 'phase', type: 'relationship', relationTo: 'phases' },
  ],
  indexes: publishedListIndex('order'),
  versions: contentVersions,
}
