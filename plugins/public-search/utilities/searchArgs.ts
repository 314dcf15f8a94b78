import { APIError } from 'payload'

import type { ResolvedPublicSearchOptions, SearchArgs } from '../types'

import { wordsOf } from './terms'

/** A refused search: always the reader's input, never the server's state. */
export class SearchRefusedError extends APIError {
  constructor(message: string) {
    super(message, 400, undefined, true)
    this.name = 'SearchRefusedError'
  }
}

/**
 * What a query may hold: words, numbers and the punctuation of names and phone numbers. Anything
 * else is query syntax (wildcards, field:value, boolean operators in symbols, JSON) that this search
 * does not have; refusing it says so, where silently dropping it would answer a different question.
 */
const PLAIN_QUERY = /^[\p{L}\p{M}\p{N}\s'’.,\-+/&()"]*$/u

export type ParsedSearch = {
  collections: string[]
  fallbackLocale: string | undefined
  limit: number
  locale: string
  page: number
  words: string[]
}

const wholeNumber = (name: string, value: unknown, min: number, max: number, fallback: number): number => {
  if (value === undefined || value === '') {
    return fallback
  }
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : NaN
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new SearchRefusedError(`${name} must be a whole number from ${min} to ${max}.`)
  }
  return number
}

const oneString = (name: string, value: unknown): string | undefined => {
  if (value === undefined) {
    return undefined
  }
  if (typeof value !== 'string') {
    throw new SearchRefusedError(`${name} must be given once, as plain text.`)
  }
  return value
}

/** The search's arguments from REST's query string or GraphQL's arguments, checked before any read. */
export function parseSearchArgs(
  args: Record<keyof SearchArgs, unknown>,
  options: ResolvedPublicSearchOptions,
  localization: { defaultLocale: string; locales: readonly string[] },
): ParsedSearch {
  const { limits } = options
  const q = oneString('q', args.q)
  if (q === undefined || q.trim() === '') {
    throw new SearchRefusedError('q (the words to search for) is required.')
  }
  if (q.length > limits.maxQueryLength) {
    throw new SearchRefusedError(`q may be at most ${limits.maxQueryLength} characters long.`)
  }
  if (!PLAIN_QUERY.test(q)) {
    throw new SearchRefusedError(`q takes plain words and numbers; wildcards and operators (such as * ? % : $ { } [ ] < > = | ~ ^ \\) are not search syntax here.`)
  }
  const words = wordsOf(q)
  if (words.length === 0) {
    throw new SearchRefusedError('q has no word to search for (a word is at least two letters or digits).')
  }
  if (words.length > limits.maxWords) {
    throw new SearchRefusedError(`q may hold at most ${limits.maxWords} words.`)
  }
  const locale = oneString('locale', args.locale) ?? localization.defaultLocale
  if (!localization.locales.includes(locale)) {
    throw new SearchRefusedError(`locale must be one of ${localization.locales.join(', ')}.`)
  }
  const fallbackAsked = oneString('fallbackLocale', args.fallbackLocale)
  if (fallbackAsked !== undefined && fallbackAsked !== 'none' && !localization.locales.includes(fallbackAsked)) {
    throw new SearchRefusedError(`fallbackLocale must be none or one of ${localization.locales.join(', ')}.`)
  }
  const fallback = fallbackAsked === 'none' ? undefined : (fallbackAsked ?? localization.defaultLocale)
  const searchable = options.collections.map(({ slug }) => slug)
  const askedCollections = args.collections === undefined ? undefined : Array.isArray(args.collections) ? args.collections : oneString('collections', args.collections)?.split(',')
  const collections = askedCollections ?? searchable
  const unknown = collections.filter((slug) => typeof slug !== 'string' || !searchable.includes(slug))
  if (unknown.length > 0 || collections.length === 0) {
    throw new SearchRefusedError(`collections must be a comma-separated list of ${searchable.join(', ')}.`)
  }
  return {
    collections: [...new Set(collections as string[])],
    fallbackLocale: fallback === locale ? undefined : fallback,
    limit: wholeNumber('limit', args.limit, 1, limits.maxLimit, 10),
    locale,
    page: wholeNumber('page', args.page, 1, limits.maxCandidates, 1),
    words,
  }
}
