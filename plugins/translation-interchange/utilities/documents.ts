import type { CollectionSlug, Field, PayloadRequest, TypedLocale } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'
import type { GlossaryEntry } from './glossary'
import type { MemoryEntry } from './memory'

type UnknownRecord = Record<string, unknown>
type Id = number | string

/** A stored task as this plugin reads it. */
export type StoredTask = {
  assignee?: { id: Id } | Id | null
  documentId: string
  id: Id
  locale: string
  status: string
  targetCollection: string
}

export const relationId = (value: StoredTask['assignee']): Id | null =>
  value === null || value === undefined ? null : typeof value === 'object' ? value.id : value

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
  // The Local API sets the locale on the request it is given; the caller's request keeps its own.
  const { fallbackLocale, locale: requestLocale } = req
  const { docs } = await req.payload
    .find({
      collection: collection as CollectionSlug,
      depth: 0,
      draft: true,
      fallbackLocale: false as never,
      locale: locale as TypedLocale,
      overrideAccess: true,
      pagination: false,
      req,
      where: { id: { in: ids } },
    })
    .finally(() => {
      Object.assign(req, { fallbackLocale, locale: requestLocale })
    })
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
    overrideAccess: true,
    pagination: false,
    req,
    where: { and: [{ sourceLocale: { equals: options.sourceLocale } }, { targetLocale: { equals: locale } }] },
  })
  return docs as unknown as Array<MemoryEntry & { createdAt?: string }>
}
