import type { CollectionSlug, Field, PayloadRequest, TypedLocale } from 'payload'

import type { ResolvedTranslationWorkflowOptions } from '../types'

import { preservingLocale } from '../../shared'
import { recordSource, type SourceRecord } from '../utilities/sourceRecord'
import { translatedCollection } from '../utilities/translatedCollection'

/**
 * The latest saved source of a document (its newest version, draft or published), read as
 * the system: what a translation must be measured against whoever asks.
 */
export const loadSource = async (
  options: ResolvedTranslationWorkflowOptions,
  req: PayloadRequest,
  collection: CollectionSlug,
  id: number | string,
): Promise<null | Record<string, unknown>> => {
  const find = (draft: boolean) =>
    req.payload.find({
      collection,
      depth: 0,
      draft,
      limit: 1,
      locale: options.sourceLocale as TypedLocale,
      overrideAccess: true,
      pagination: false,
      req,
      where: { id: { equals: id } },
    })
  // A document written without versions (imported straight into the database) has no draft to read.
  return preservingLocale(req, async () => {
    const [found] = (await find(true)).docs
    return ((found ?? (await find(false)).docs[0]) as unknown as Record<string, unknown> | undefined) ?? null
  })
}

/**
 * What a task records of a translated document's source as it is saved now; null when the
 * document is gone or its collection is not translated.
 */
export const currentSourceRecord = async (
  options: ResolvedTranslationWorkflowOptions,
  fieldsOf: Record<string, Field[]>,
  req: PayloadRequest,
  name: string,
  id: number | string,
): Promise<null | SourceRecord> => {
  const collection = translatedCollection(options, name)
  const fields = collection && fieldsOf[collection]
  const source = fields ? await loadSource(options, req, collection, id) : null
  return fields && source ? recordSource(fields, source) : null
}
