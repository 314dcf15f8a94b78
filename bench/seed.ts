/**
 * Seeds one variant's database and describes it for the scenarios. Runs as its own process:
 *
 *   DATABASE_URI=file:/tmp/x.db node --conditions=development --import tsx bench/seed.ts ours 1000 manifest.json
 *
 * Outside production the SQLite adapter pushes the schema straight from the config, so the file
 * matches exactly the config being measured; the committed migrations are then marked as applied
 * so that the production server finds nothing to migrate.
 *
 * Documents go in through the database adapter (payload.db.create, 500 per transaction), not the
 * Local API: with every hook a document costs several times more and 10k would take many minutes.
 * The generated data is meant to pass the validators the Local API would run; describeVariant()
 * proves it for the write scenario's documents by saving them as the editor with access on.
 */
import type { CollectionSlug, Payload, PayloadRequest, SanitizedCollectionConfig, SanitizedConfig } from 'payload'

import fs from 'node:fs'
import { getPayload } from 'payload'

import type { SearchContract } from '../plugins/public-search'
import type { Variant } from './server'

import { migrations } from '../migrations'
import { closeDatabase } from '../src/db'
import { insertRows } from './bulkInsert'
import { type DocContext, fillFields, type Id, phoneCountries, phoneNumber, pick, rngFor } from './fakeData'
import { benchPassword, describeVariant, type Manifest, type RareSearchDoc, type SearchInfo, type SeededDoc, tasksCollection } from './manifest'
import { seedMemory } from './memorySeed'
import { documentCounts, documentLocales, isContentCollection, seedOrder } from './seedPlan'

type Req = Partial<PayloadRequest>

/** Staff accounts the scenarios sign in as; the first one created becomes admin either way. */
const staff = [
  { key: 'admin', roles: ['admin'] },
  { key: 'editor', roles: ['editor'] },
  { key: 'translator', roles: ['translator'], translatorLocales: ['nl'] },
  { key: 'translator-fr', roles: ['translator'], translatorLocales: ['fr'] },
  { key: 'steering', roles: ['steering'] },
]

const batchSize = 500
const uploadSystemFields = new Set(['filename', 'filesize', 'focalX', 'focalY', 'height', 'mimeType', 'sizes', 'thumbnailURL', 'url', 'width'])
const now = Date.now()
const yearMs = 365 * 86_400_000

async function loadConfig(variant: Variant): Promise<SanitizedConfig> {
  return variant === 'ours' ? (await import('../payload.config')).default : (await import('./bareConfig')).default
}

/** Runs `make` for 0..count-1, `batchSize` at a time in one transaction: one commit per batch, not per statement. */
async function inBatches<T>(payload: Payload, count: number, make: (index: number, req: Req) => Promise<T>): Promise<T[]> {
  const results: T[] = []
  for (let start = 0; start < count; start += batchSize) {
    const transactionID = (await payload.db.beginTransaction()) ?? undefined
    const req: Req = { payload, transactionID }
    try {
      for (let index = start; index < Math.min(count, start + batchSize); index++) {
        results.push(await make(index, req))
      }
      if (transactionID !== undefined) {
        await payload.db.commitTransaction(transactionID)
      }
    } catch (error) {
      if (transactionID !== undefined) {
        await payload.db.rollbackTransaction(transactionID)
      }
      throw error
    }
  }
  return results
}

async function seedStaff(payload: Payload): Promise<Map<string, Id>> {
  const ids = new Map<string, Id>()
  for (const { key, ...fields } of staff) {
    const user = await payload.create({
      collection: 'users',
      data: { name: `Bench ${key}`, email: `${key}@bench.invalid`, password: benchPassword, ...fields } as never,
      overrideAccess: true,
    })
    ids.set(key, user.id)
  }
  return ids
}

/** Dates spread over the last three years, updates after creation. */
function timestamps(collection: string, index: number) {
  const rng = rngFor(`${collection}:${index}:timestamps`)
  const createdAt = now - rng() * 3 * yearMs
  return { createdAt: new Date(createdAt).toISOString(), updatedAt: new Date(createdAt + rng() * (now - createdAt)).toISOString() }
}

/** Six pilot countries, as the programme has; pilot-country evaluations must name one of them. */
const pilotCountries = ['AL', 'BE', 'HU', 'NL', 'PT', 'RO']

/** Shapes that generic values would get wrong: validated codes, phone numbers, pilot countries. */
function applyKnownShapes(collection: string, index: number, data: Record<string, unknown>): void {
  const rng = rngFor(`${collection}:${index}:shape`)
  if (collection === 'programme') {
    data.pilotCountries = pilotCountries
  }
  if (collection === 'reports') {
    data.country = data.type === 'pilot-country-evaluation' ? pick(rng, pilotCountries) : undefined
  }
  if (collection === 'training-modules' && 'code' in data) {
    const letters = (n: number): string => (n >= 26 ? letters(Math.floor(n / 26) - 1) : '') + String.fromCharCode(65 + (n % 26))
    data.code = `${letters(Math.floor(index / 1000))}${index % 1000}`
  }
  if (collection === 'hotlines') {
    const country = rng() < 0.1 ? 'EU' : pick(rng, phoneCountries)
    data.country = country
    data.phone = phoneNumber(rng, country)
    data.sms = rng() < 0.3 && country !== 'EU' ? phoneNumber(rng, country) : undefined
    const alternatives = (data.alternativeNumbers as Array<Record<string, unknown>> | undefined) ?? []
    data.alternativeNumbers = country === 'EU' ? [] : alternatives.map((row) => ({ ...row, number: phoneNumber(rng, country) }))
  }
}

function contentDocument(collection: SanitizedCollectionConfig, index: number, ctx: DocContext): Record<string, unknown> {
  const data = fillFields(collection.flattenedFields, ctx, '')
  applyKnownShapes(collection.slug, index, data)
  if (collection.versions?.drafts) {
    data._status = rngFor(`${collection.slug}:${index}:status`)() < 0.9 ? 'published' : 'draft'
  }
  return { ...data, ...timestamps(collection.slug, index) }
}

function context(collection: string, index: number, locales: string[], refs: Map<string, Id[]>): DocContext {
  return {
    baseDate: now - rngFor(`${collection}:${index}:base`)() * 2 * yearMs,
    collection,
    index,
    locales,
    refs: (slug) => refs.get(slug) ?? [],
  }
}

/** Globals (the programme's settings) exist once; some of their hooks read the collections. */
async function seedGlobals(payload: Payload, localeCodes: string[]): Promise<void> {
  for (const global of payload.config.globals) {
    const ctx = context(global.slug, 0, documentLocales(global.slug, 0, localeCodes, 'en'), new Map())
    const data = fillFields(global.flattenedFields, ctx, '')
    applyKnownShapes(global.slug, 0, data)
    await payload.db.createGlobal({ slug: global.slug, data, req: {}, returning: false })
  }
}

async function seedUploads(payload: Payload, collection: SanitizedCollectionConfig, count: number, localeCodes: string[]): Promise<Id[]> {
  const fields = collection.flattenedFields.filter((field) => !uploadSystemFields.has(field.name))
  return inBatches(payload, count, async (index, req) => {
    const ctx = context(collection.slug, index, documentLocales(collection.slug, index, localeCodes, 'en'), new Map())
    const data = { ...fillFields(fields, ctx, ''), filename: `bench-${index}.pdf`, filesize: 50_000 + index, mimeType: 'application/pdf' }
    const doc = await payload.db.create({ collection: collection.slug as CollectionSlug, data, req, select: { id: true } })
    return doc.id as Id
  })
}

async function seedContent(
  payload: Payload,
  collection: SanitizedCollectionConfig,
  count: number,
  localeCodes: string[],
  refs: Map<string, Id[]>,
): Promise<SeededDoc[]> {
  const ids: Id[] = []
  refs.set(collection.slug, ids)
  return inBatches(payload, count, async (index, req) => {
    const locales = documentLocales(collection.slug, index, localeCodes, 'en')
    const data = contentDocument(collection, index, context(collection.slug, index, locales, refs))
    const doc = await payload.db.create({ collection: collection.slug as CollectionSlug, data, req, select: { id: true } })
    if (collection.versions) {
      // A real save writes a version too, and drafts are read from the latest one (the admin, the
      // translator's editor, XLIFF export): without it those reads find nothing to work on.
      await payload.db.createVersion({
        autosave: false,
        collectionSlug: collection.slug as CollectionSlug,
        createdAt: data.createdAt as string,
        parent: doc.id,
        req,
        returning: false,
        updatedAt: data.updatedAt as string,
        versionData: { ...data, id: doc.id } as never,
      })
    }
    ids.push(doc.id as Id)
    return { id: doc.id as Id, collection: collection.slug, locales }
  })
}

const optionsOf = (collection: SanitizedCollectionConfig, name: string): string[] => {
  const field = collection.flattenedFields.find((candidate) => candidate.name === name)
  return field && (field.type === 'select' || field.type === 'radio') ? field.options.map((option) => (typeof option === 'string' ? option : option.value)) : []
}

/** One task per document × target locale, as the plugin creates them, in states a live project has. */
async function seedTasks(payload: Payload, tasks: SanitizedCollectionConfig, docs: SeededDoc[], users: Map<string, Id>): Promise<number> {
  const targets = new Set(optionsOf(tasks, 'targetCollection'))
  const locales = optionsOf(tasks, 'locale')
  const statuses = new Set(optionsOf(tasks, 'status'))
  const rows = docs.filter((doc) => targets.has(doc.collection)).flatMap((doc) => locales.map((locale) => ({ doc, locale })))
  const assignees: Record<string, Id | undefined> = { fr: users.get('translator-fr'), nl: users.get('translator') }
  const record = ({ doc, locale }: (typeof rows)[number], index: number) => {
    const rng = rngFor(`${tasks.slug}:${index}`)
    const candidates = (doc.locales.includes(locale) ? ['approved', 'approved', 'in-review', 'outdated'] : ['untranslated', 'untranslated', 'in-progress', 'returned']).filter((status) => statuses.has(status))
    const ctx = context(tasks.slug, index, ['en'], new Map([['users', [...users.values()]]]))
    return {
      ...fillFields(tasks.flattenedFields, ctx, ''),
      assignee: rng() < 0.7 ? assignees[locale] : undefined,
      documentId: String(doc.id),
      locale,
      reviewComments: undefined,
      reviewer: undefined,
      sourceWordCount: 50 + Math.floor(rng() * 2000),
      status: candidates.length ? pick(rng, candidates) : undefined,
      targetCollection: doc.collection,
      ...timestamps(tasks.slug, index),
    }
  }
  // In chunks: at 100k documents the 900k task rows would not fit comfortably in memory at once.
  for (let start = 0; start < rows.length; start += 10_000) {
    await insertRows(payload, tasks, rows.slice(start, start + 10_000).map((row, offset) => record(row, start + offset)))
  }
  return rows.length
}

/**
 * Records a `go` on every phase's gate (ours only; bare has no gates). Content goes in through the
 * database, so the gate plugin's hooks never ran; without a `go`, anonymous readers would see none
 * of the gated content and the public-read comparison with bare would measure empty lists.
 */
async function releasePhases(payload: Payload, phaseIds: Id[]): Promise<void> {
  if (!payload.collections['gates' as CollectionSlug]) {
    return
  }
  const decidedAt = new Date().toISOString()
  for (const phase of phaseIds) {
    await payload.db.create({ collection: 'gates' as CollectionSlug, data: { decidedAt, decision: 'go', phase }, returning: false })
  }
}

/** The public search's index collection, found by its shape rather than its (configurable) slug. */
const searchEntriesCollection = (config: SanitizedConfig) =>
  config.collections.find((collection) => ['doc', 'docId', 'hash', 'keys', 'locale'].every((name) => collection.flattenedFields.some((field) => field.name === name)))

type EntryRecord = { doc: string; docId: string; keys?: string[]; locale: string; title: string }

/** Title words a reader would misspell: letters only, long enough for the plugin's typo tolerance (and not the `[nl]` tag). */
const longTitleWords = (title: string) => [...new Set(title.toLowerCase().split(/[^a-z]+/).filter((word) => word.length >= 6))]

/**
 * Documents a two-word search finds few of: per searched collection, the first five (by index
 * order) with a body word holding a digit that at most three documents share (a training module's
 * code such as A123, a hotline's number), with their title words per locale. Collections without
 * such words (free text from the vocabulary only) give none.
 */
async function rareSearchDocs(payload: Payload, entriesSlug: CollectionSlug, collections: string[]): Promise<RareSearchDoc[]> {
  const defaultLocale = payload.config.localization ? payload.config.localization.defaultLocale : 'en'
  const found: RareSearchDoc[] = []
  for (const collection of collections) {
    let taken = 0
    for (let page = 1; taken < 5 && page <= 5; page++) {
      const { docs, hasNextPage } = await payload.find({
        collection: entriesSlug,
        depth: 0,
        limit: 100,
        overrideAccess: true,
        page,
        select: { doc: true, docId: true, keys: true, title: true } as never,
        sort: 'id',
        where: { and: [{ collection: { equals: collection } }, { locale: { equals: defaultLocale } }] },
      })
      for (const entry of docs as unknown as EntryRecord[]) {
        const token = (entry.keys ?? []).find((key) => key.startsWith('b:') && /\d/.test(key) && key.length >= 6)?.slice(2)
        if (taken >= 5 || !token || longTitleWords(entry.title).length === 0) {
          continue
        }
        const { totalDocs: tokenDocs } = await payload.count({
          collection: entriesSlug,
          overrideAccess: true,
          where: { and: [{ keys: { in: [`b:${token}`] } }, { locale: { equals: defaultLocale } }] },
        })
        if (tokenDocs > 3) {
          continue
        }
        const { docs: all } = await payload.find({
          collection: entriesSlug,
          depth: 0,
          overrideAccess: true,
          pagination: false,
          select: { locale: true, title: true } as never,
          where: { doc: { equals: entry.doc } },
        })
        const titleWords = Object.fromEntries((all as unknown as EntryRecord[]).map(({ locale, title }) => [locale, longTitleWords(title)]))
        found.push({ id: entry.docId, collection, titleWords, token, tokenDocs })
        taken += 1
      }
      if (!hasNextPage) {
        break
      }
    }
  }
  return found
}

/**
 * Content went in through the adapter, so the search plugin's hooks never indexed it: rebuild the
 * index from the documents, as `npm run search:rebuild` does after a bulk import. Only where the
 * plugin exists (not bare, not a commit before it).
 */
async function rebuildSearch(payload: Payload): Promise<SearchInfo | undefined> {
  const contract = (payload.config.custom as { publicSearch?: SearchContract } | undefined)?.publicSearch
  const entries = searchEntriesCollection(payload.config)
  if (!contract || !entries) {
    return undefined
  }
  const started = Date.now()
  let logged = 0
  const report = await contract.rebuild(payload, ({ collection, done, total }) => {
    if (done === total || Date.now() - logged > 15_000) {
      console.log(`search index: ${collection} ${done}/${total} documents, ${((Date.now() - started) / 1000).toFixed(0)} s`)
      logged = Date.now()
    }
  })
  const seconds = (Date.now() - started) / 1000
  const slug = entries.slug as CollectionSlug
  const { totalDocs } = await payload.count({ collection: slug, overrideAccess: true })
  return {
    collections: report.map(({ collection, done, total }) => ({ collection, done, total })),
    documents: report.reduce((sum, { done }) => sum + done, 0),
    entries: totalDocs,
    rare: await rareSearchDocs(payload, slug, report.map(({ collection }) => collection)),
    seconds,
  }
}

/** The schema was pushed from the config; production start must not try to migrate it again. */
async function markMigrationsApplied(payload: Payload): Promise<void> {
  await payload.delete({ collection: 'payload-migrations', overrideAccess: true, where: { batch: { equals: -1 } } })
  for (const migration of migrations) {
    await payload.create({ collection: 'payload-migrations', data: { name: migration.name, batch: 1 }, overrideAccess: true })
  }
}

async function seed(variant: Variant, documents: number): Promise<Manifest> {
  const config = await loadConfig(variant)
  const payload = await getPayload({ config })
  const localeCodes = config.localization ? config.localization.localeCodes : ['en']
  const timings: Record<string, number> = {}
  const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const started = Date.now()
    const result = await work()
    timings[label] = (Date.now() - started) / 1000
    return result
  }

  const users = await timed('users', () => seedStaff(payload))
  await timed('globals', () => seedGlobals(payload, localeCodes))
  const refs = new Map<string, Id[]>([['users', [...users.values()]]])
  const counts: Record<string, number> = {}
  for (const upload of config.collections.filter((collection) => collection.upload)) {
    const count = Math.min(500, Math.max(10, Math.round(documents / 50)))
    refs.set(upload.slug, await timed(upload.slug, () => seedUploads(payload, upload, count, localeCodes)))
    counts[upload.slug] = count
  }
  const content = seedOrder(config.collections.filter(isContentCollection))
  const plan = documentCounts(content, documents)
  const seeded: SeededDoc[] = []
  for (const collection of content) {
    const count = plan.get(collection.slug) ?? 0
    for (const doc of await timed(collection.slug, () => seedContent(payload, collection, count, localeCodes, refs))) {
      seeded.push(doc)
    }
    counts[collection.slug] = count
  }
  await timed('gates', () => releasePhases(payload, refs.get('phases') ?? []))
  const search = await timed('search-index', () => rebuildSearch(payload))
  const tasks = tasksCollection(config)
  if (tasks) {
    counts[tasks.slug] = await timed(tasks.slug, () => seedTasks(payload, tasks, seeded, users))
  }
  const memory = tasks ? await timed('translation-memory', () => seedMemory(payload, tasks.slug, seeded)) : undefined
  await markMigrationsApplied(payload)
  const manifest = await timed('describe', () => describeVariant(payload, { content, counts, tasks, users, variant }))
  manifest.seedSeconds = timings
  manifest.search = search
  manifest.memory = memory
  await closeDatabase(payload)
  return manifest
}

async function main(): Promise<void> {
  const [variant, documents, manifestPath] = process.argv.slice(2)
  if ((variant !== 'ours' && variant !== 'bare') || !Number(documents) || !manifestPath) {
    throw new Error('usage: seed.ts ours|bare <documents> <manifest.json>')
  }
  const manifest = await seed(variant, Number(documents))
  fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2))
  process.exit(0)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
