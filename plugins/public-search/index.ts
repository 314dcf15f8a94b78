import type { Config, Payload, PayloadRequest } from 'payload'

import type { IndexContext, IndexedCollection } from './operations/indexDocument'
import type { PublicSearchOptions, ResolvedPublicSearchOptions, SearchArgs, SearchResult } from './types'

import { localeCodesOf } from '../shared/utilities/localeCodesOf'
import { searchEntriesCollection } from './collections/SearchEntries'
import { searchEndpoint } from './endpoints/search'
import { searchQuery } from './graphql/searchQuery'
import { indexAfterChange, unindexAfterDelete } from './hooks/indexAfterChange'
import { rebuildIndex, type RebuildProgress } from './operations/rebuild'
import { search } from './operations/search'
import { parseSearchArgs } from './utilities/searchArgs'
import { resolveSearchedField } from './utilities/searchedFields'

export type { RebuildProgress } from './operations/rebuild'
export type { PublicSearchOptions, SearchedCollection, SearchHit, SearchResult } from './types'
export { SearchRefusedError } from './utilities/searchArgs'
export { deletionsOf, wordsOf } from './utilities/terms'

/** What `config.custom.publicSearch` holds, for the REST endpoint, the GraphQL query and the rebuild command. */
export type SearchContract = {
  rebuild: (payload: Payload, onProgress?: (progress: RebuildProgress) => void) => Promise<RebuildProgress[]>
  search: (req: PayloadRequest, args: Record<keyof SearchArgs, unknown>) => Promise<SearchResult>
}

const resolveOptions = (options: PublicSearchOptions): ResolvedPublicSearchOptions => ({
  slug: options.slug ?? 'search-entries',
  apiClients: options.apiClients ?? { endpoint: (endpoint) => endpoint, queryExtensions: () => ({}) },
  collections: options.collections,
  limits: {
    maxBodyWords: options.limits?.maxBodyWords ?? 2000,
    maxCandidates: options.limits?.maxCandidates ?? 500,
    maxLimit: options.limits?.maxLimit ?? 50,
    maxQueryLength: options.limits?.maxQueryLength ?? 200,
    maxWords: options.limits?.maxWords ?? 8,
  },
})

/**
 * Full-text search over published content for external sites: `GET /api/search` and GraphQL's
 * `Search`, ranked (title over body), typo-tolerant on titles, in every locale with the fallback
 * the rest of the API uses, and only ever answering what the reader may read. The index is a
 * collection kept in step with each write, in its transaction, so it works the same on every
 * database Payload supports. See README.md beside this file.
 */
export const publicSearch =
  (incoming: PublicSearchOptions) =>
  (config: Config): Config => {
    const options = resolveOptions(incoming)
    const context: IndexContext = { entriesSlug: options.slug, maxBodyWords: options.limits.maxBodyWords }
    const indexed: IndexedCollection[] = options.collections.map(({ slug, body = [], title }) => {
      const collection = config.collections?.find((candidate) => candidate.slug === slug)
      if (!collection) {
        throw new Error(`public-search: there is no collection "${slug}" to search.`)
      }
      return {
        slug,
        body: body.map((path) => resolveSearchedField(collection, path)),
        drafts: Boolean(collection.versions && typeof collection.versions === 'object' && collection.versions.drafts),
        title: resolveSearchedField(collection, title),
      }
    })
    const bySlug = new Map(indexed.map((collection) => [collection.slug, collection]))
    const locales = localeCodesOf(config)
    const localization = { defaultLocale: config.localization ? config.localization.defaultLocale : 'en', locales: locales.length > 0 ? locales : ['en'] }
    const contract: SearchContract = {
      rebuild: (payload, onProgress) => rebuildIndex(payload, indexed, context, onProgress),
      search: (req, args) => search(req, options.slug, parseSearchArgs(args, options, localization), options.limits.maxCandidates),
    }
    const existingQueries = config.graphQL?.queries
    const searched = options.collections.map(({ slug }) => slug)
    return {
      ...config,
      collections: [
        ...(config.collections ?? []).map((collection) => {
          const indexedCollection = bySlug.get(collection.slug)
          return indexedCollection
            ? {
                ...collection,
                hooks: {
                  ...collection.hooks,
                  afterChange: [...(collection.hooks?.afterChange ?? []), indexAfterChange(indexedCollection, context)],
                  afterDelete: [...(collection.hooks?.afterDelete ?? []), unindexAfterDelete(indexedCollection, context)],
                },
              }
            : collection
        }),
        searchEntriesCollection(options),
      ],
      custom: { ...config.custom, publicSearch: contract },
      endpoints: [...(config.endpoints ?? []), options.apiClients.endpoint(searchEndpoint(contract), searched)],
      graphQL: {
        ...config.graphQL,
        queries: (graphQL, info) => ({ ...existingQueries?.(graphQL, info), Search: { ...searchQuery(graphQL, contract), extensions: options.apiClients.queryExtensions(searched) } }),
      },
    }
  }
