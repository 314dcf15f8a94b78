/**
 * What a seeded database holds, written by the seed process for the orchestrator: accounts,
 * collections and their GraphQL names, sample slugs, the document the write scenario edits, and
 * the custom endpoints (so scenarios for features not built yet can be detected, or skipped).
 */
import type { CollectionSlug, Payload, SanitizedCollectionConfig, SanitizedConfig } from 'payload'

import { formatNames, toWords } from 'payload'

import type { Id } from './fakeData'
import type { MemoryInfo } from './memorySeed'

import { titleField, writePreference } from './seedPlan'

export const benchPassword = 'bench-password-not-secret'

export type SeededDoc = { id: Id; collection: string; locales: string[] }

export type ContentInfo = {
  slug: string
  /** GraphQL query name of the list, e.g. `Deliverables`. */
  graphQLList: string
  /** Selection set for one document: scalar fields and related documents' ids and titles. */
  graphQLSelection: string
  publishedIds: Id[]
  publishedSlugs: string[]
  titleField?: string
}

export type EndpointInfo = { collection?: string; method: string; path: string }

/**
 * A document the rare-words search finds: a body word few documents hold (a training module's code,
 * a hotline's number) and its title words per locale it has an index entry in (the default
 * locale always), so the scenario can misspell one of them in the locale it searches.
 */
export type RareSearchDoc = { collection: string; id: string; titleWords: Record<string, string[]>; token: string; tokenDocs: number }

/** The public search index (plugins/public-search), rebuilt by the seed: ours only, once the plugin exists. */
export type SearchInfo = {
  /** Documents the rebuild indexed, per collection. */
  collections: Array<{ collection: string; done: number; total: number }>
  documents: number
  /** Index entries after the rebuild (one per published document and locale with text of its own). */
  entries: number
  rare: RareSearchDoc[]
  seconds: number
}

export type Manifest = {
  collections: string[]
  content: ContentInfo[]
  counts: Record<string, number>
  endpoints: EndpointInfo[]
  globals: string[]
  /** The translation memories and the tasks whose suggestions are measured (ours only; bench/memorySeed.ts). */
  memory?: MemoryInfo
  notes: string[]
  /** Absent where there is no public search (bare, or a commit before the plugin). */
  search?: SearchInfo
  seedSeconds: Record<string, number>
  tasks?: { slug: string; translatorLocale: string }
  users: { editor: string; password: string; translator: string; translatorFr: string }
  variant: string
  write?: { collection: string; ids: Id[]; titleField: string }
}

/** The translation workflow's collection, found by its shape rather than its (configurable) slug. */
export function tasksCollection(config: SanitizedConfig): SanitizedCollectionConfig | undefined {
  return config.collections.find((collection) =>
    ['targetCollection', 'documentId', 'locale', 'status'].every((name) => collection.flattenedFields.some((field) => field.name === name)),
  )
}

const scalarTypes = new Set(['checkbox', 'date', 'email', 'number', 'richText', 'select', 'text', 'textarea'])

/** Public fields only: a site would not ask for staff-only ones (they come back null anyway). */
function graphQLSelection(collection: SanitizedCollectionConfig, config: SanitizedConfig): string {
  const parts = ['id']
  for (const field of collection.flattenedFields) {
    const hidden = ('virtual' in field && field.virtual) || ('access' in field && field.access?.read)
    if (hidden) {
      continue
    }
    if (scalarTypes.has(field.type)) {
      parts.push(field.name)
    } else if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string') {
      const target = config.collections.find(({ slug }) => slug === field.relationTo)
      const title = target?.admin?.useAsTitle && target.admin.useAsTitle !== 'id' ? ` ${target.admin.useAsTitle}` : ''
      parts.push(`${field.name} { id${title} }`)
    }
  }
  return parts.join(' ')
}

/** The list query's name exactly as @payloadcms/graphql derives it. */
function graphQLListName(collection: SanitizedCollectionConfig): string {
  const names = formatNames(collection.slug)
  const custom: { pluralName?: string; singularName?: string } = collection.graphQL || {}
  const singular = custom.singularName ? toWords(custom.singularName, true) : names.singular
  const plural = custom.pluralName ? toWords(custom.pluralName, true) : names.plural
  return singular === plural ? `all${singular}` : plural
}

async function describeContent(payload: Payload, collection: SanitizedCollectionConfig): Promise<ContentInfo> {
  const hasSlug = collection.flattenedFields.some((field) => field.name === 'slug')
  const { docs } = await payload.find({
    collection: collection.slug as CollectionSlug,
    depth: 0,
    limit: 20,
    overrideAccess: true,
    where: collection.versions?.drafts ? { _status: { equals: 'published' } } : {},
  })
  const records = docs as unknown as Array<{ id: Id; slug?: string }>
  return {
    slug: collection.slug,
    graphQLList: graphQLListName(collection),
    graphQLSelection: graphQLSelection(collection, payload.config),
    publishedIds: records.map(({ id }) => id),
    publishedSlugs: hasSlug ? records.flatMap(({ slug }) => (slug ? [slug] : [])) : [],
    titleField: titleField(collection),
  }
}

/**
 * Finds documents an editor can save through the Local API with access on: generated data passes
 * the field validators of these. Failures are kept as notes for the report.
 */
async function findWriteTarget(payload: Payload, content: ContentInfo[], editorId: Id, notes: string[]): Promise<Manifest['write']> {
  const editor = await payload.findByID({ id: editorId, collection: 'users', depth: 0, overrideAccess: true })
  const ranked = [...content].sort((a, b) => rank(a.slug) - rank(b.slug))
  for (const info of ranked) {
    if (!info.titleField || info.publishedIds.length === 0) {
      continue
    }
    try {
      await payload.update({
        id: info.publishedIds[0]!,
        collection: info.slug as CollectionSlug,
        data: { [info.titleField]: 'Benchmark edit 0' },
        depth: 0,
        locale: 'en',
        overrideAccess: false,
        user: { ...editor, collection: 'users' },
      })
      return { collection: info.slug, ids: info.publishedIds.slice(0, 10), titleField: info.titleField }
    } catch (error) {
      notes.push(`write target ${info.slug} rejected: ${(error as Error).message}`)
    }
  }
  return undefined
}

const rank = (slug: string) => (writePreference.includes(slug) ? writePreference.indexOf(slug) : writePreference.length)

function customEndpoints(config: SanitizedConfig): EndpointInfo[] {
  const root = (config.endpoints || []).map(({ method, path }) => ({ method, path }))
  const perCollection = config.collections.flatMap(({ slug, endpoints }) =>
    (endpoints || []).map(({ method, path }) => ({ collection: slug, method, path })),
  )
  // Payload lists its own routes here too; only feature endpoints matter for scenario detection.
  return [...root, ...perCollection].filter(({ path }) => /gate|xliff|queue|progress|export/i.test(path))
}

export async function describeVariant(
  payload: Payload,
  seeded: { content: SanitizedCollectionConfig[]; counts: Record<string, number>; tasks?: SanitizedCollectionConfig; users: Map<string, Id>; variant: string },
): Promise<Manifest> {
  const notes: string[] = []
  const content: ContentInfo[] = []
  for (const collection of seeded.content) {
    content.push(await describeContent(payload, collection))
  }
  return {
    collections: payload.config.collections.map(({ slug }) => slug),
    content,
    counts: seeded.counts,
    endpoints: customEndpoints(payload.config),
    globals: payload.config.globals.map(({ slug }) => slug),
    notes,
    seedSeconds: {},
    tasks: seeded.tasks ? { slug: seeded.tasks.slug, translatorLocale: 'nl' } : undefined,
    users: { editor: 'editor@bench.invalid', password: benchPassword, translator: 'translator@bench.invalid', translatorFr: 'translator-fr@bench.invalid' },
    variant: seeded.variant,
    write: await findWriteTarget(payload, content, seeded.users.get('editor')!, notes),
  }
}
