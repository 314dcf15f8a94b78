import type { CollectionConfig, TextFieldSingleValidation } from 'payload'

import { countryField } from '@/fields/country'
import { slugField } from '@/fields/slug'
import { defaultLocale } from '@/lib/locales'
import { deliverableTypes, practitionerAudiences, workStatuses } from '@/lib/vocabularies'

import { contentAccess, contentVersions, publishedListIndex } from './shared/content'

const requiredInSourceLocale: TextFieldSingleValidation = (value, { req }) =>
  req.locale && req.locale !== defaultLocale ? true : value?.trim() ? true : 'Write the indicator in English first.'

export const Deliverables: CollectionConfig = {
  slug: 'deliverables',
  access: contentAccess,
  admin: {
    defaultColumns: ['title', 'type', 'phase', 'workStatus', 'dueDate'],
    group: 'Programme',
    useAsTitle: 'title',
  },
  fields: [
    // The pocket card's front prints the title; longer translations break its layout (QA: maximum length).
    { name: 'title', type: 'text', custom: { maxTranslationLength: 140 }, localized: true, required: true },
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
    {
      name: 'indicators',
      type: 'array',
      admin: {
        condition: (data) => data?.type === 'pocket-card',
        description: 'The indicators printed on the front of the pocket card, one short line each.',
      },
      // Required in the source language only, so that a translation may be published before every line is translated (the card marks those).
      fields: [{ name: 'indicator', type: 'text', localized: true, maxLength: 200, validate: requiredInSourceLocale }],
      maxRows: 40,
    },
    countryField({
      name: 'printCountry',
      admin: {
        condition: (data) => data?.type === 'pocket-card',
        description: 'Whose hotlines the pocket card prints, beside the EU-wide numbers. Empty: EU-wide numbers only.',
      },
    }),
    {
      name: 'trainingModules',
      type: 'relationship',
      admin: {
        condition: (data) => data?.type === 'practitioners-manual',
        description: 'The modules the printed manual contains, in this order. Only published, released modules are printed.',
      },
      hasMany: true,
      relationTo: 'training-modules',
    },
    {
      name: 'printLayout',
      type: 'group',
      admin: {
        condition: (data) => data?.type === 'pocket-card',
        description: 'For a print shop: bleed around the 74 × 105 mm card, and crop marks.',
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'bleedMm', type: 'number', defaultValue: 0, label: 'Bleed (mm)', max: 5, min: 0 },
            { name: 'cropMarks', type: 'checkbox', defaultValue: false },
          ],
        },
      ],
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
