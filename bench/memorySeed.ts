/**
 * The translation memory at scale (issue 17): 100,000 entries in nl and 1,000 in fr, so one run
 * measures the translator's suggestions against both and the report has their ratio. Each memory
 * also holds the chosen task's own segments (once in their place, twice with an edit or two), so
 * both lookups return the same exact and fuzzy matches and differ only in what they search.
 *
 * Bulk, as the seed's other large tables: one multi-row INSERT per 500 entries and their keys on
 * SQLite (the adapter's create costs about 2 ms an entry with its hasMany rows: 100k would take
 * minutes), with the index fields from the same function the collection's beforeChange hook uses.
 */
import type { CollectionSlug, Payload, SanitizedCollectionConfig } from 'payload'

import type { Id } from './fakeData'
import type { SeededDoc } from './manifest'

import { flatten, plainText } from '../plugins/translation-interchange/utilities/inline'
import { memoryIndexOf } from '../plugins/translation-interchange/utilities/memory'
import { translatableValues } from '../plugins/translation-interchange/utilities/units'
import { rngFor } from './fakeData'
import { type CorpusEntry, memoryCorpus, nearDuplicate } from './memoryCorpus'

export type MemoryInfo = {
  /** Entries per target locale. */
  entries: Record<string, number>
  seconds: number
  /** The task measured per locale, all of one document; and how many segments its suggestions look up. */
  tasks: Record<string, Id>
  segments: number
}

/** Memory size per locale: the 100k, and 1k for the ratio. */
export const memorySizes: Record<string, number> = { fr: 1_000, nl: 100_000 }

type Insertable = { values(rows: Array<Record<string, unknown>>): Promise<unknown> }
type DrizzleAdapter = { drizzle: { insert(table: unknown): Insertable }; tableNameMap: Map<string, string>; tables: Record<string, Record<string, unknown>> }

/** The plugin's memory collection, found by its index fields rather than its (configurable) slug. */
export const memoryCollection = (payload: Payload): SanitizedCollectionConfig | undefined =>
  payload.config.collections.find((collection) => ['sourceHash', 'fuzzyKeys', 'targetLocale'].every((name) => collection.flattenedFields.some((field) => field.name === name)))

async function insertMemory(payload: Payload, collection: SanitizedCollectionConfig, entries: CorpusEntry[], targetLocale: string, firstId: number): Promise<void> {
  const now = new Date().toISOString()
  const rows = entries.map((entry, index) => ({
    ...entry,
    ...memoryIndexOf({ source: entry.source, sourceLocale: 'en', targetLocale }),
    id: firstId + index,
    createdAt: now,
    origin: 'bench',
    sourceLocale: 'en',
    targetLocale,
    updatedAt: now,
  }))
  if (payload.db.name !== 'sqlite') {
    for (const { id: _id, ...data } of rows) {
      await payload.db.create({ collection: collection.slug as CollectionSlug, data, returning: false })
    }
    return
  }
  const adapter = payload.db as unknown as DrizzleAdapter
  const tableName = adapter.tableNameMap.get(collection.slug.replace(/-/g, '_')) ?? ''
  const [table, texts] = [adapter.tables[tableName], adapter.tables[`${tableName}_texts`]]
  if (!table || !texts || !['order', 'parent', 'path', 'text'].every((column) => column in texts)) {
    throw new Error(`bench: the memory's tables (${tableName}, ${tableName}_texts) are not shaped as expected`)
  }
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500)
    await adapter.drizzle.insert(table).values(chunk.map(({ fuzzyKeys: _keys, ...row }) => row))
    const keys = chunk.flatMap((row) => row.fuzzyKeys.map((text, order) => ({ order: order + 1, parent: row.id, path: 'fuzzyKeys', text })))
    for (let offset = 0; offset < keys.length; offset += 2000) {
      await adapter.drizzle.insert(texts).values(keys.slice(offset, offset + 2000))
    }
  }
}

/** The task's segments, as the suggestions endpoint reads them: each translatable field's plain text. */
async function segmentsOf(payload: Payload, doc: SeededDoc): Promise<CorpusEntry[]> {
  const collection = payload.collections[doc.collection as CollectionSlug].config
  const source = await payload.findByID({ id: doc.id, collection: collection.slug as CollectionSlug, depth: 0, draft: true, fallbackLocale: false, locale: 'en', overrideAccess: true })
  const values = translatableValues(collection.fields, source as unknown as Record<string, unknown>)
  return Object.entries(values)
    .map(([path, value]) => ({ context: `${doc.collection}:${path}`, source: plainText(flatten(value).content), target: '' }))
    .filter(({ source: text }) => text.trim() !== '')
}

/**
 * Seeds both memories and picks the measured tasks: the nl and fr tasks of the first training
 * module (else the first document) translated into neither, whose fields are what a translator opens.
 */
export async function seedMemory(payload: Payload, tasksSlug: string, docs: SeededDoc[]): Promise<MemoryInfo | undefined> {
  const collection = memoryCollection(payload)
  if (!collection) {
    return undefined
  }
  const started = Date.now()
  const doc = docs.find((candidate) => candidate.collection === 'training-modules' && !candidate.locales.includes('nl') && !candidate.locales.includes('fr')) ?? docs[0]
  if (!doc) {
    return undefined
  }
  const segments = await segmentsOf(payload, doc)
  const rng = rngFor('memory-seed:task')
  const own = segments.flatMap((segment) => [segment, { ...segment, source: nearDuplicate(rng, segment.source, 2) }, { ...segment, context: 'other:field', source: nearDuplicate(rng, segment.source, 2) }])
  const entries: Record<string, number> = {}
  const tasks: Record<string, Id> = {}
  let nextId = 1
  for (const [locale, size] of Object.entries(memorySizes)) {
    const memory = [...own.map((entry) => ({ ...entry, target: `[${locale}] ${entry.source}` })), ...memoryCorpus(`bench:${locale}`, size - own.length, locale)]
    await insertMemory(payload, collection, memory, locale, nextId)
    nextId += memory.length
    entries[locale] = memory.length
    const { docs: found } = await payload.find({
      collection: tasksSlug as CollectionSlug,
      depth: 0,
      limit: 1,
      overrideAccess: true,
      where: { and: [{ targetCollection: { equals: doc.collection } }, { documentId: { equals: String(doc.id) } }, { locale: { equals: locale } }] },
    })
    if (!found[0]) {
      throw new Error(`bench: no ${locale} task for ${doc.collection} ${doc.id}`)
    }
    tasks[locale] = found[0].id as Id
  }
  return { entries, seconds: (Date.now() - started) / 1000, segments: segments.length, tasks }
}
