import { isCountryCode } from '@/lib/countries'
import { languageOptions } from '@/lib/languages'
import { localeCodes } from '@/lib/locales'
import { hotlineAudiences } from '@/lib/vocabularies'

/**
 * The hotline finder's parameters, read and checked once for REST (`req.query`, strings as qs
 * parsed them) and GraphQL (typed arguments). Anything unexpected is refused before anything is
 * read, with a message that names the parameter.
 */
import { QueryRefusedError } from '../../../plugins/delivery-api'
import { FINDER, FINDER_ERRORS } from '../constants'

export type FinderQuery = {
  /** The instant open-now is judged at. */
  at: Date
  audience?: string
  country?: string
  /** A locale, or `none` for no fallback; unset: Payload's default (English). */
  fallbackLocale?: string
  free: boolean
  /** Whether the EU-wide numbers come with a national country. */
  includeEU: boolean
  language?: string
  limit: number
  locale?: string
  openNow: boolean
  page: number
  /** Words that must all appear in the name (see nameMatches). */
  q?: string
}

/** REST names; GraphQL arguments are the same. `fallback-locale` is the rest of the REST API's spelling. */
export const finderParameters = [
  'at',
  'audience',
  'country',
  'fallback-locale',
  'fallbackLocale',
  'free',
  'includeEU',
  'language',
  'limit',
  'locale',
  'openNow',
  'page',
  'q',
] as const

const audienceCodes = new Set(hotlineAudiences.map(({ value }) => value))
const languageCodes = new Set<string>(languageOptions.map(({ value }) => value))
const isoInstant = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const controlCharacters = /[\u0000-\u001f\u007f]/
const dayMs = 24 * 60 * 60 * 1000

const refuse = (message: string): never => {
  throw new QueryRefusedError(message)
}

/**
 * One plain value or nothing. qs turns `country[$ne]=x` into an object and `country=a&country=b`
 * into an array: both are refused, never flattened. An empty value is no value (a form's "All").
 */
function single(input: Record<string, unknown>, name: string): string | undefined {
  const value = input[name]
  if (value === undefined || value === null || value === '') {
    return undefined
  }
  if (typeof value === 'string') {
    return value
  }
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : refuse(FINDER_ERRORS.notSingle(name))
}

function flag(input: Record<string, unknown>, name: string, fallback: boolean): boolean {
  const value = single(input, name)
  if (value === undefined) {
    return fallback
  }
  return value === 'true' ? true : value === 'false' ? false : refuse(FINDER_ERRORS.notBoolean(name))
}

function wholeNumber(input: Record<string, unknown>, name: string, min: number, max: number, fallback: number): number {
  const value = single(input, name)
  if (value === undefined) {
    return fallback
  }
  const number = /^\d{1,7}$/.test(value) ? Number(value) : NaN
  return number >= min && number <= max ? number : refuse(FINDER_ERRORS.outOfRange(name, min, max))
}

function code(input: Record<string, unknown>, name: string, known: (value: string) => boolean, hint: string): string | undefined {
  const value = single(input, name)
  return value === undefined || known(value) ? value : refuse(FINDER_ERRORS.unknownCode(name, value, hint))
}

function instant(input: Record<string, unknown>, now: Date): Date {
  const value = single(input, 'at')
  if (value === undefined) {
    return now
  }
  const match = isoInstant.exec(value)
  const at = match ? new Date(value) : undefined
  // Date rolls 2026-02-30 over into March: the calendar date must exist as written.
  const [year, month, day] = (match ?? []).slice(1, 4).map(Number)
  const calendarDate = new Date(Date.UTC(year, month - 1, day))
  if (!at || Number.isNaN(at.getTime()) || calendarDate.getUTCMonth() !== month - 1 || calendarDate.getUTCDate() !== day) {
    return refuse(FINDER_ERRORS.notAnInstant)
  }
  return Math.abs(at.getTime() - now.getTime()) <= FINDER.atRangeDays * dayMs ? at : refuse(FINDER_ERRORS.tooFarFromNow)
}

function nameQuery(input: Record<string, unknown>): string | undefined {
  const value = single(input, 'q')?.trim()
  if (value && (value.length > FINDER.maxQueryLength || controlCharacters.test(value))) {
    refuse(FINDER_ERRORS.queryTooLong)
  }
  return value || undefined
}

/** Reads the finder's parameters, or throws a 400 (QueryRefusedError) naming the first one that is wrong. */
export function parseFinderQuery(input: Record<string, unknown>, now: Date): FinderQuery {
  const unknown = Object.keys(input).find((name) => input[name] !== undefined && !(finderParameters as readonly string[]).includes(name))
  if (unknown !== undefined) {
    refuse(FINDER_ERRORS.unknownParameter(unknown, finderParameters))
  }
  if (single(input, 'fallbackLocale') !== undefined && single(input, 'fallback-locale') !== undefined) {
    refuse(FINDER_ERRORS.notSingle('fallbackLocale'))
  }
  const localeHint = `one of ${localeCodes.join(', ')}`
  const fallbackName = single(input, 'fallback-locale') !== undefined ? 'fallback-locale' : 'fallbackLocale'
  return {
    at: instant(input, now),
    audience: code(input, 'audience', (value) => audienceCodes.has(value), `one of ${[...audienceCodes].join(', ')}`),
    country: code(input, 'country', (value) => value === 'EU' || isCountryCode(value), 'an ISO 3166-1 alpha-2 code in capitals (BE), or EU'),
    fallbackLocale: code(input, fallbackName, (value) => value === 'none' || (localeCodes as readonly string[]).includes(value), `${localeHint}, or none`),
    free: flag(input, 'free', false),
    includeEU: flag(input, 'includeEU', true),
    language: code(input, 'language', (value) => languageCodes.has(value), 'an ISO 639-1 code in lower case (nl)'),
    limit: wholeNumber(input, 'limit', 1, FINDER.maxLimit, FINDER.defaultLimit),
    locale: code(input, 'locale', (value) => (localeCodes as readonly string[]).includes(value), localeHint),
    openNow: flag(input, 'openNow', false),
    page: wholeNumber(input, 'page', 1, FINDER.maxPage, 1),
    q: nameQuery(input),
  }
}
