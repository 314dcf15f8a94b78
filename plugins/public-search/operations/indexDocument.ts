import type { CollectionSlug, PayloadRequest } from 'payload'

import { createHash } from 'node:crypto'

import type { SearchedField } from '../utilities/searchedFields'

import { localeCodesOf } from '../../shared/utilities/localeCodesOf'
import { preservingLocale } from '../../shared/utilities/preservingLocale'
import { fieldText, hasOwnText } from '../utilities/searchedFields'
import { entryKeys, wordsOf } from '../utilities/terms'

/** How a searched collection is read for the index, resolved once when the config is built. */
export type IndexedCollection = {
  body: SearchedField[]
  drafts: boolean
  slug: string
  title: SearchedField
}

export type IndexContext = {
  entriesSlug: string
  maxBodyWords: number
}

type EntryData = { collection: string; doc: string; docId: string; hash: string; key: string; keys: string[]; locale: string; snippet: string; title: string }

const SNIPPET_LENGTH = 240

const snippetOf = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= SNIPPET_LENGTH ? flat : `${flat.slice(0, SNIPPET_LENGTH - 1).replace(/\s+\S*$/, '')}…`
}

const docKey = (collection: string, id: number | string) => `${collection}:${id}`

/** The entries a published document should have: the default locale's, and each locale with text of its own. */
export function entriesFor(doc: Record<string, unknown>, collection: IndexedCollection, locales: readonly string[], defaultLocale: string, maxBodyWords: number): EntryData[] {
  const fields = [collection.title, ...collection.body]
  const id = doc.id as number | string
  return locales
    .filter((locale) => locale === defaultLocale || hasOwnText(doc, fields, locale))
    .map((locale) => {
      const title = fieldText(doc, collection.title, locale, defaultLocale)
      const body = collection.body.map((field) => ({ field, text: fieldText(doc, field, locale, defaultLocale) })).filter(({ text }) => text !== '')
      const keys = entryKeys(wordsOf(title), wordsOf(body.map(({ text }) => text).join('\n')).slice(0, maxBodyWords))
      const snippet = snippetOf(body.filter(({ field }) => field.prose).map(({ text }) => text).join('\n'))
      return {
        collection: collection.slug,
        doc: docKey(collection.slug, id),
        docId: String(id),
        hash: createHash('sha256').update(JSON.stringify([title, snippet, keys])).digest('base64url'),
        key: `${docKey(collection.slug, id)}:${locale}`,
        keys,
        locale,
        snippet,
        title,
      }
    })
    // A document with no word to find in a locale (every searched field empty) needs no entry there.
    .filter((entry) => entry.keys.length > 0)
}

/**
 * Brings a document's entries in line with its published state, in the request's transaction: a
 * draft save leaves them as they are (the published text did not change), an unpublish or a delete
 * removes them, a publish in any locale rewrites the ones whose text changed. The document is read
 * again rather than taken from the hook, because after a draft save or a per-locale publish the
 * hook's copy is not what the public reads.
 */
export async function indexDocument(req: PayloadRequest, collection: IndexedCollection, id: number | string, context: IndexContext): Promise<void> {
  const { payload } = req
  const published = await preservingLocale(req, () =>
    payload.findByID({
      id,
      collection: collection.slug as CollectionSlug,
      depth: 0,
      disableErrors: true,
      draft: false,
      locale: 'all',
      // A system read, not one done for the writer: the index holds what the public may find, whoever
      // saved; who may see a hit is decided again, with the reader's access, when it is searched.
      overrideAccess: true,
      req,
    }),
  )
  const isPublic = published && (!collection.drafts || (published as { _status?: string })._status === 'published')
  const localization = payload.config.localization
  const wanted = isPublic
    ? entriesFor(
        published as unknown as Record<string, unknown>,
        collection,
        localization ? localeCodesOf(payload.config) : ['en'],
        localization ? localization.defaultLocale : 'en',
        context.maxBodyWords,
      )
    : []
  await writeEntries(req, docKey(collection.slug, id), wanted, context.entriesSlug)
}

/** Removes every entry of a document (it was deleted). */
export const unindexDocument = (req: PayloadRequest, collection: string, id: number | string, context: IndexContext) =>
  writeEntries(req, docKey(collection, id), [], context.entriesSlug)

/**
 * The entries are the plugin's own storage, written through the database adapter: Payload's
 * create would validate and run the field hooks over up to thousands of keys per entry, for data
 * this module has just built. The adapter is what the response cache watches, so its writes still
 * void cached searches.
 */
async function writeEntries(req: PayloadRequest, doc: string, wanted: EntryData[], entriesSlug: string): Promise<void> {
  const { db } = req.payload
  const slug = entriesSlug as CollectionSlug
  const { docs: existing } = await db.find({
    collection: slug,
    pagination: false,
    req,
    select: { hash: true, key: true } as never,
    where: { doc: { equals: doc } },
  })
  const byKey = new Map(existing.map((entry) => [(entry as unknown as EntryData).key, entry as unknown as EntryData & { id: number | string }]))
  const now = new Date().toISOString()
  for (const entry of wanted) {
    const current = byKey.get(entry.key)
    byKey.delete(entry.key)
    if (!current) {
      await db.create({ collection: slug, data: { ...entry, createdAt: now, updatedAt: now }, req, returning: false })
    } else if (current.hash !== entry.hash) {
      await db.updateOne({ id: current.id, collection: slug, data: { ...entry, updatedAt: now }, req, returning: false })
    }
  }
  const stale = [...byKey.values()].map(({ id }) => id)
  if (stale.length > 0) {
    await db.deleteMany({ collection: slug, req, where: { id: { in: stale } } })
  }
}
