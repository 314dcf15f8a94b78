import type { CollectionSlug, Field, PayloadRequest, TypedLocale, Where } from 'payload'

import type { StoredTask } from '../../translation-workflow'
import type { ResolvedTranslationInterchangeOptions } from '../types'
import type { GlossaryEntry } from '../utilities/glossary'
import type { MemoryEntry } from '../utilities/memory'

import { preservingLocale } from '../../shared'

type UnknownRecord = Record<string, unknown>
type Id = number | string

export type { StoredTask } from '../../translation-workflow'

/**
 * Whether a slug (from a task or an uploaded file) names a collection the workflow translates: the
 * only collections this plugin reads or writes documents of.
 */
export const isExchanged = (options: ResolvedTranslationInterchangeOptions, slug: string): slug is CollectionSlug =>
  options.collections.some((collection) => collection === slug)

/** A task of a collection this plugin exchanges: its collection's slug typed once, by {@link isExchangedTask}. */
export type ExchangedTask = StoredTask & { targetCollection: CollectionSlug }

export const isExchangedTask = (options: ResolvedTranslationInterchangeOptions, task: null | StoredTask): task is ExchangedTask =>
  task !== null && isExchanged(options, task.targetCollection)

export const fieldsOfCollection = (req: PayloadRequest, collection: CollectionSlug): Field[] =>
  req.payload.collections[collection]?.config.fields ?? []

/**
 * Every matching document of a collection at depth 0, read as the system within the request's
 * transaction: the plugin's one way of reading in bulk. Its callers say why the user's own read
 * access is not the rule there. Typed by the caller: the generated types do not know the plugin's
 * collections under the slugs a project chose.
 */
export const readAsSystem = async <T>(
  req: PayloadRequest,
  collection: CollectionSlug,
  where: Where,
  { locale, sort }: { locale?: string; sort?: string } = {},
): Promise<T[]> => {
  const { docs } = await req.payload.find({
    collection,
    depth: 0,
    // The latest saved text of that locale, draft or not, and no other locale's in its place.
    ...(locale !== undefined && { draft: true, fallbackLocale: false, locale: locale as TypedLocale }),
    // A system read; each caller says why the user's own read access is not the rule there.
    overrideAccess: true,
    pagination: false,
    req,
    sort,
    where,
  })
  return docs as unknown as T[]
}

/**
 * The latest saved version (draft or published) of documents in one locale, by id, read as the
 * system: what a translation is measured against and merged into whoever asks. No fallback: an
 * untranslated field is empty, not the source. Reads in two locales must not run at once on one
 * request: the locale travels on the request.
 */
export const readDocuments = async (
  req: PayloadRequest,
  collection: CollectionSlug,
  ids: Id[],
  locale: string,
): Promise<Map<string, UnknownRecord>> => {
  if (ids.length === 0) {
    return new Map()
  }
  // The endpoints call this only after reading the task as the user (its access is the right to
  // work on this document and locale); a translator's own read access stops at published text.
  const docs = await preservingLocale(req, () => readAsSystem<UnknownRecord>(req, collection, { id: { in: ids } }, { locale }))
  return new Map(docs.map((doc) => [String(doc.id), doc]))
}

/**
 * The glossary of a locale: reference data for QA and suggestions, read for endpoints that already
 * checked the task as the user, and for the workflow's submit.
 */
export const readGlossary = async (
  options: ResolvedTranslationInterchangeOptions,
  req: PayloadRequest,
  locale: string,
): Promise<GlossaryEntry[]> => {
  type StoredTerm = Omit<GlossaryEntry, 'forbidden'> & { forbidden?: Array<{ variant: string }> | null }
  const terms = await readAsSystem<StoredTerm>(req, options.slugs.glossary, { locale: { equals: locale } })
  return terms.map((doc) => ({ ...doc, forbidden: (doc.forbidden ?? []).map((row) => row.variant) }))
}

/**
 * The memory of the source and a locale, for suggestions and the TMX export: both checked first
 * that the user is an editor or translates into the locale.
 */
export const readMemory = async (
  options: ResolvedTranslationInterchangeOptions,
  req: PayloadRequest,
  locale: string,
): Promise<Array<MemoryEntry & { createdAt?: string }>> =>
  readAsSystem(req, options.slugs.memory, {
    and: [{ sourceLocale: { equals: options.sourceLocale } }, { targetLocale: { equals: locale } }],
  })
