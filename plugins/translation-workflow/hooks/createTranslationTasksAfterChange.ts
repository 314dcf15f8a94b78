import type { CollectionAfterChangeHook, CollectionSlug, Field } from 'payload'

import type { ResolvedTranslationWorkflowOptions } from '../types'

import { createTasks } from '../operations/records'
import { loadSource } from '../operations/source'
import { recordSource } from '../utilities/sourceRecord'

/** Creating a document creates one `untranslated` task per target locale. */
export const createTranslationTasksAfterChange =
  (options: ResolvedTranslationWorkflowOptions, collection: CollectionSlug, fields: Field[]): CollectionAfterChangeHook =>
  async ({ doc, operation, req }) => {
    if (operation !== 'create') {
      return doc
    }
    const id = (doc as { id: number | string }).id
    // The task must describe the source even when the document was created in another locale.
    const source = req.locale === options.sourceLocale ? (doc as Record<string, unknown>) : await loadSource(options, req, collection, id)
    await createTasks(options, req, collection, id, recordSource(fields, source ?? {}), options.targetLocales)
    return doc
  }
