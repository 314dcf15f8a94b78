import type { CollectionSlug, Field, PayloadRequest } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'
import type { ExportFile } from '../utilities/xliff'

import { exportUnits } from '../utilities/units'
import { type ExchangedTask, fieldsOfCollection, readDocuments } from './documents'

const DOCUMENTS_READ_AT_ONCE = 100

type UnknownRecord = Record<string, unknown>

/** One batch of the tasks' documents of one collection, read in each locale asked for, by id. */
export type DocumentBatch = { collection: CollectionSlug; fields: Field[]; ids: string[]; inLocale: Array<Map<string, UnknownRecord>> }

/**
 * The tasks' documents, collection by collection and at most a hundred at a time, in each of the
 * locales: whole documents in several locales weigh far more than their units, so an export or an
 * analysis of a thousand documents holds one batch at a time.
 */
export async function* taskDocumentBatches(
  req: PayloadRequest,
  tasks: Array<Pick<ExchangedTask, 'documentId' | 'targetCollection'>>,
  locales: string[],
): AsyncGenerator<DocumentBatch> {
  for (const collection of [...new Set(tasks.map((task) => task.targetCollection))]) {
    const fields = fieldsOfCollection(req, collection)
    const ids = tasks.filter((task) => task.targetCollection === collection).map((task) => String(task.documentId))
    for (let start = 0; start < ids.length; start += DOCUMENTS_READ_AT_ONCE) {
      const batch = ids.slice(start, start + DOCUMENTS_READ_AT_ONCE)
      const inLocale: Array<Map<string, UnknownRecord>> = []
      // One locale after the other: the locale travels on the request.
      for (const locale of locales) {
        inLocale.push(await readDocuments(req, collection, batch, locale))
      }
      yield { collection, fields, ids: batch, inLocale }
    }
  }
}

/**
 * The XLIFF files (one per document) of tasks the caller has read as the user: each document's
 * translatable units in the source, with the locale's current text as target.
 */
export const exportFiles = async (
  options: ResolvedTranslationInterchangeOptions,
  req: PayloadRequest,
  tasks: Array<Pick<ExchangedTask, 'documentId' | 'targetCollection'>>,
  locale: string,
): Promise<ExportFile[]> => {
  const files: ExportFile[] = []
  for await (const { collection, fields, ids, inLocale } of taskDocumentBatches(req, tasks, [options.sourceLocale, locale])) {
    const [sources, targets] = inLocale
    for (const id of ids) {
      const source = sources.get(id)
      if (source) {
        files.push({ collection, documentId: id, units: exportUnits(collection, fields, source, targets.get(id) ?? null) })
      }
    }
  }
  return files
}
