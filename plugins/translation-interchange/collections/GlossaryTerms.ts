import type { CollectionConfig } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'

import { manageTerminologyAccess, readTerminologyAccess } from '../access/terminology'
import { applyCollectionOverride } from '../utilities/collectionOverride'

/** One source term and how it is (and is not) said in one target locale. */
export const generateGlossaryCollection = (options: ResolvedTranslationInterchangeOptions): CollectionConfig => {
  const collection: CollectionConfig = {
    slug: options.slugs.glossary,
    access: {
      create: manageTerminologyAccess(options),
      delete: manageTerminologyAccess(options),
      read: readTerminologyAccess(options, 'locale'),
      update: manageTerminologyAccess(options),
    },
    admin: { defaultColumns: ['term', 'locale', 'approvedTranslation', 'doNotTranslate'], group: 'Translation', useAsTitle: 'term' },
    fields: [
      { name: 'term', type: 'text', index: true, required: true },
      { name: 'locale', type: 'select', index: true, options: options.targetLocales, required: true },
      { name: 'definition', type: 'textarea' },
      { name: 'approvedTranslation', type: 'text' },
      {
        name: 'forbidden',
        type: 'array',
        admin: { description: 'Variants a translation must never use, e.g. stigmatising terms.' },
        fields: [{ name: 'variant', type: 'text', required: true }],
      },
      {
        name: 'doNotTranslate',
        type: 'checkbox',
        admin: { description: 'Keep the term as it is (names, acronyms).' },
        defaultValue: false,
      },
    ],
    timestamps: true,
  }
  return applyCollectionOverride(collection, options.overrides.glossary)
}
