import type { CollectionAfterChangeHook, CollectionSlug, Field, PayloadRequest } from 'payload'

import type { ResolvedTranslationWorkflowOptions } from '../types'

import { loadSource } from '../utilities/loadSource'
import { recordSource, type SourceRecord } from '../utilities/sourceRecord'

/** Creates `untranslated` tasks for a document in the given locales, recording its source as it is now. */
export const createTasks = async (
  options: ResolvedTranslationWorkflowOptions,
  req: PayloadRequest,
  collection: string,
  id: number | string,
  record: SourceRecord,
  locales: readonly string[],
): Promise<void> => {
  for (const locale of locales) {
    // System action: tasks are the workflow's own records; whoever created the document (an
    // editor, a seed script) has not and need not have the right to create tasks.
    await req.payload.create({
      collection: options.slugs.tasks,
      data: { documentId: String(id), locale, ...record, status: 'untranslated', targetCollection: collection } as never,
      overrideAccess: true,
      req,
    })
  }
}

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
