import type { CollectionConfig, FieldHook, NumberField } from 'payload'

import { canEditContent } from '@/access/canEditContent'
import { isStaff } from '@/access/isStaff'
import { publicReportsOrStaff } from '@/access/publicReportsOrStaff'
import { countryField } from '@/fields/country'
import { dateRangeFields } from '@/fields/dateRange'
import { slugField } from '@/fields/slug'
import { isPilotEvaluation, participantsIn } from '@/lib/programmeProgress'
import { reportTypes, trainedSectors } from '@/lib/vocabularies'

import { contentVersions, publishedListIndex } from '../shared/content'
import { recountParticipantsAfterChange, recountParticipantsAfterDelete } from './hooks/recountParticipants'
import { validatePilotCountry } from './hooks/validatePilotCountry'

const sumTrainedAfterRead: FieldHook = ({ siblingData }) => participantsIn(siblingData as Record<string, unknown>)

export const Reports: CollectionConfig = {
  slug: 'reports',
  access: {
    create: canEditContent,
    delete: canEditContent,
    read: publicReportsOrStaff,
    readVersions: isStaff,
    update: canEditContent,
  },
  admin: {
    defaultColumns: ['title', 'type', 'country', 'visibility', 'publicationDate'],
    group: 'Programme',
    useAsTitle: 'title',
  },
  fields: [
    { name: 'title', type: 'text', localized: true, required: true },
    slugField(),
    {
      type: 'row',
      fields: [
        { name: 'type', type: 'select', index: true, options: reportTypes, required: true },
        { name: 'phase', type: 'relationship', relationTo: 'phases' },
        countryField({
          admin: { condition: (data) => isPilotEvaluation(data) },
          index: true,
          validate: validatePilotCountry,
        }),
      ],
    },
    {
      name: 'periodCovered',
      type: 'group',
      fields: [{ type: 'row', fields: dateRangeFields('from', 'to') }],
    },
    { name: 'authoringPartner', type: 'relationship', relationTo: 'partners' },
    { name: 'summary', type: 'richText', localized: true },
    {
      name: 'file',
      type: 'upload',
      filterOptions: { mimeType: { equals: 'application/pdf' } },
      localized: true,
      relationTo: 'media',
    },
    {
      name: 'publicationDate',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayOnly' }, position: 'sidebar' },
    },
    {
      name: 'visibility',
      type: 'select',
      admin: { description: 'Internal reports are never shown outside the programme.', position: 'sidebar' },
      defaultValue: 'internal',
      index: true,
      options: [
        { label: 'Public', value: 'public' },
        { label: 'Internal', value: 'internal' },
      ],
    },
    {
      name: 'participantsTrained',
      type: 'group',
      admin: { condition: (data) => isPilotEvaluation(data) },
      fields: [
        {
          type: 'row',
          fields: trainedSectors.map(({ label, value }): NumberField => ({ name: value, type: 'number', defaultValue: 0, label, min: 0 })),
        },
        {
          name: 'total',
          type: 'number',
          admin: { readOnly: true },
          hooks: { afterRead: [sumTrainedAfterRead] },
          virtual: true,
        },
      ],
    },
  ],
  hooks: { afterChange: [recountParticipantsAfterChange], afterDelete: [recountParticipantsAfterDelete] },
  indexes: publishedListIndex(),
  versions: contentVersions,
}
