import type { CollectionSlug, Field, PayloadRequest, TypedLocale } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'
import type { GlossaryEntry } from '../utilities/glossary'
import type { MemoryEntry } from '../utilities/memory'

import { preservingLocale } from '../../shared'

type UnknownRecord = Record<string, unknown>
type Id = number | string

export type { StoredTask } from '../../translation-workflow'

export const fieldsOfCollection = (req: PayloadRequest, collection: string): Field[] =>
  req.payload.collections[collection as CollectionSlug]?.config.fields ?? []

/**
 * The latest saved version (draft or published) of documents in one locale, by id, read as the
 * system: what a translation is measured against and merged into whoever asks. No fallback: an
 * untranslated field is empty, not the source. Reads in two locales must not run at once on one
 * request: the locale travels on the request.
 */
export const readDocuments = async (
  req: PayloadRequest,
  collection: string,
  ids: Id[],
  locale: string,
): Promise<Map<string, UnknownRecord>> => {
  if (ids.length === 0) {
    return new Map()
  }
  const { docs } = await preservingLocale(req, () =>
    req.payload.find({
      collection: collection as CollectionSlug,
      depth: 0,
      draft: true,
      fallbackLocale: false as never,
      locale: locale as TypedLocale,
      // The endpoints call this only after reading the task as the user (its access is the right to
      // work on this document and locale); a translator's own read access stops at published text.
      overrideAccess: true,
      pagination: false,
      req,
      where: { id: { in: ids } },
    }),
  )
  return new Map((docs as unknown as UnknownRecord[]).map((doc) => [String(doc.id), doc]))
}

export const readGlossary = async (
  options: ResolvedTranslationInterchangeOptions,
  req: PayloadRequest,
  locale: string,
): Promise<GlossaryEntry[]> => {
  const { docs } = await req.payload.find({
    collection: options.glossary.slug as CollectionSlug,
    depth: 0,
    // Reference data for QA and suggestions, read for endpoints that already checked the task as the user.
    overrideAccess: true,
    pagination: false,
    req,
    where: { locale: { equals: locale } },
  })
  type StoredTerm = Omit<GlossaryEntry, 'forbidden'> & { forbidden?: Array<{ variant: string }> | null }
  return (docs as unknown as StoredTerm[]).map((doc) => ({ ...doc, forbidden: (doc.forbidden ?? []).map((row) => row.variant) }))
}

export const readMemory = async (
  options: ResolvedTranslationInterchangeOptions,
  req: PayloadRequest,
  locale: string,
): Promise<Array<MemoryEntry & { createdAt?: string }>> => {
  const { docs } = await req.payload.find({
    collection: options.memory.slug as CollectionSlug,
    depth: 0,
    // Suggestions for a task the endpoint already read as the user (who is then an editor or a translator).
    overrideAccess: true,
    pagination: false,
    req,
    where: { and: [{ sourceLocale: { equals: options.sourceLocale } }, { targetLocale: { equals: locale } }] },
  })
  return docs as unknown as Array<MemoryEntry & { createdAt?: string }>
}
