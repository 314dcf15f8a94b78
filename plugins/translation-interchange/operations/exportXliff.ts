import type { PayloadRequest } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'
import type { ExportFile } from '../utilities/xliff'

import { exportUnits } from '../utilities/units'
import { type ExchangedTask, fieldsOfCollection, readDocuments } from './documents'

const DOCUMENTS_READ_AT_ONCE = 100

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
  for (const collection of [...new Set(tasks.map((task) => task.targetCollection))]) {
    const fields = fieldsOfCollection(req, collection)
    const ids = tasks.filter((task) => task.targetCollection === collection).map((task) => task.documentId)
    // Whole documents in two locales weigh far more than their units: hold a batch at a time.
    for (let start = 0; start < ids.length; start += DOCUMENTS_READ_AT_ONCE) {
      const batch = ids.slice(start, start + DOCUMENTS_READ_AT_ONCE)
      const sources = await readDocuments(req, collection, batch, options.sourceLocale)
      const targets = await readDocuments(req, collection, batch, locale)
      for (const id of batch) {
        const source = sources.get(id)
        if (source) {
          files.push({ collection, documentId: id, units: exportUnits(collection, fields, source, targets.get(id) ?? null) })
        }
      }
    }
  }
  return files
}
