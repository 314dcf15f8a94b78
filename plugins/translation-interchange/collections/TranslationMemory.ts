import type { CollectionConfig } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'

import { manageTerminologyAccess, readTerminologyAccess } from '../access/terminology'
import { indexMemoryEntryBeforeChange } from '../hooks/indexMemoryEntryBeforeChange'
import { applyCollectionOverride } from '../utilities/collectionOverride'

const nobody = () => false

/**
 * Approved segment pairs, per locale pair: filled when a translation task is approved (origin
 * `approval`) or from a TMX import (origin `tmx`), read for exact and fuzzy matches.
 */
export const generateTranslationMemoryCollection = (options: ResolvedTranslationInterchangeOptions): CollectionConfig => {
  const collection: CollectionConfig = {
    slug: options.slugs.memory,
    access: {
      create: manageTerminologyAccess(options),
      delete: manageTerminologyAccess(options),
      read: readTerminologyAccess(options, 'targetLocale'),
      update: manageTerminologyAccess(options),
    },
    admin: { defaultColumns: ['source', 'target', 'targetLocale', 'origin', 'createdAt'], group: 'Translation', useAsTitle: 'source' },
    fields: [
      { name: 'sourceLocale', type: 'text', defaultValue: options.sourceLocale, index: true, required: true },
      { name: 'targetLocale', type: 'select', index: true, options: options.targetLocales, required: true },
      { name: 'source', type: 'textarea', required: true },
      { name: 'target', type: 'textarea', required: true },
      { name: 'context', type: 'text', admin: { description: 'Collection and field the pair was approved in.' }, index: true },
      { name: 'origin', type: 'text', admin: { description: 'approval, tmx, or the name of the import.' } },
      // The lookup index (operations/memoryIndex.ts): set by the beforeChange hook from the source and
      // locales on every write, never by a client (a wrong key would hide an entry from every lookup).
      { name: 'sourceHash', type: 'text', access: { create: nobody, update: nobody }, admin: { hidden: true }, index: true },
      { name: 'fuzzyKeys', type: 'text', access: { create: nobody, update: nobody }, admin: { hidden: true }, hasMany: true, index: true },
    ],
    hooks: { beforeChange: [indexMemoryEntryBeforeChange(options)] },
    timestamps: true,
  }
  return applyCollectionOverride(collection, options.overrides.memory)
}
