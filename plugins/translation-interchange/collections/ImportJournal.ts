import type { CollectionConfig } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'

import { IMPORT_STATES } from '../constants'
import { applyCollectionOverride } from '../utilities/collectionOverride'

const nobody = () => false

/**
 * One row per accepted XLIFF import: the writes it was planned to make, recorded in a single insert
 * before the first of them. What makes an import all-or-nothing where the database has no
 * transactions (SQLite): an import whose process died half-way is finished from here at the next
 * start (`resumePendingImports`). Written and read by the system only.
 */
export const generateImportJournalCollection = (options: ResolvedTranslationInterchangeOptions): CollectionConfig => {
  const collection: CollectionConfig = {
    slug: options.slugs.importJournal,
    access: { create: nobody, delete: nobody, read: nobody, update: nobody },
    admin: { hidden: true },
    // Written by the import only.
    disableDuplicate: true,
    fields: [
      { name: 'state', type: 'select', defaultValue: 'pending', index: true, options: [...IMPORT_STATES], required: true },
      { name: 'locale', type: 'text', required: true },
      /** The uploader, as `{ collection, id }`: the writes are theirs, made again as theirs on resume. */
      { name: 'uploader', type: 'json', required: true },
      /** `ImportWrite[]`: each document's data and the task it goes through. */
      { name: 'writes', type: 'json', required: true },
      { name: 'keptInProgress', type: 'json' },
      { name: 'failure', type: 'text' },
    ],
    timestamps: true,
  }
  return applyCollectionOverride(collection, options.overrides.importJournal)
}
