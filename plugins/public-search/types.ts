/** A collection the public search covers, and which of its fields it reads. */
export type SearchedCollection = {
  /**
   * Fields whose words are found exactly (case and accents aside) and rank below the title: dotted
   * paths through groups and arrays (`indicators.indicator`); text, textarea, rich text, select,
   * email, number. Each must be readable by everyone: a field with its own read access is refused
   * when the config is built, because its words would reach the public through the results.
   */
  body?: string[]
  slug: string
  /** The field shown as the result's title; its words rank first and are found despite one typo. */
  title: string
}

import type { Endpoint } from 'payload'

export type PublicSearchOptions = {
  /**
   * How the project's API door admits API keys to a read across collections (in this project the
   * delivery API's `readableByApiClients` and `apiClientReadExtensions`): a key whose scopes hold
   * one of the searched collections may search, and finds only what its scopes let it read.
   */
  apiClients?: {
    endpoint: (endpoint: Endpoint, collections: readonly string[]) => Endpoint
    queryExtensions: (collections: readonly string[]) => Record<string, unknown>
  }
  collections: SearchedCollection[]
  limits?: {
    /** Most ranked candidates per query; a query matching more says so (`truncated`). Default 500. */
    maxCandidates?: number
    /** Largest page. Default 50. */
    maxLimit?: number
    /** Longest query, in characters. Default 200. */
    maxQueryLength?: number
    /** Most words in a query. Default 8. */
    maxWords?: number
    /** Most distinct body words indexed per document and locale (a long manual keeps its first ones). Default 2,000. */
    maxBodyWords?: number
  }
  /** The hidden collection that holds the index. Default `search-entries`. */
  slug?: string
}

export type ResolvedPublicSearchOptions = {
  apiClients: NonNullable<PublicSearchOptions['apiClients']>
  collections: SearchedCollection[]
  limits: Required<NonNullable<PublicSearchOptions['limits']>>
  slug: string
}

export type SearchArgs = {
  collections?: string[]
  fallbackLocale?: string
  limit?: number
  locale?: string
  page?: number
  q: string
}

export type SearchHit = {
  collection: string
  id: number | string
  /** The locale whose text matched: the one asked for, or the fallback when the document has no text of its own in it. */
  locale: string
  score: number
  snippet: string
  title: string
}

export type SearchResult = {
  docs: SearchHit[]
  hasNextPage: boolean
  hasPrevPage: boolean
  limit: number
  page: number
  totalDocs: number
  totalPages: number
  /** More entries matched than the search ranks (limits.maxCandidates): the best of the rest may be missing. */
  truncated: boolean
}
