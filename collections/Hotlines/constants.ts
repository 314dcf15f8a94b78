/** The hotline finder's bounds (docs/api.md, "Hotline finder"); tests and docs refer to these names. */
export const FINDER = {
  /** How far `at` may lie from now: enough for "open at Christmas", not a scan of the calendar. */
  atRangeDays: 366,
  /** Candidates are read in pages of the public page size (the delivery API's REST limit). */
  candidatePageSize: 100,
  defaultLimit: 10,
  /**
   * Most hotlines one search evaluates. Open-now and the name match are worked out in code from
   * every candidate the database filter leaves, so the candidates are bounded: the directory is
   * hundreds of numbers, and a search over more is refused with the count, never cut silently.
   */
  maxCandidates: 500,
  maxLimit: 50,
  maxPage: 1000,
  maxQueryLength: 100,
} as const

/** Every refusal the finder gives, so REST, GraphQL and the tests say the same thing. */
export const FINDER_ERRORS = {
  beyondLastPage: (page: number, last: number) => `page ${page} is beyond the last page (${last}).`,
  notAnInstant: 'at must be an ISO 8601 instant with a time zone, e.g. 2026-12-07T09:30:00Z.',
  notBoolean: (name: string) => `${name} must be true or false.`,
  notSingle: (name: string) => `${name} must be given once, as a plain value.`,
  outOfRange: (name: string, min: number, max: number) => `${name} must be a whole number from ${min} to ${max}.`,
  queryTooLong: `q may be at most ${FINDER.maxQueryLength} characters, without control characters.`,
  tooFarFromNow: `at must lie within ${FINDER.atRangeDays} days of now.`,
  tooManyCandidates: (count: number) =>
    `${count} hotlines match; the finder evaluates at most ${FINDER.maxCandidates}. Narrow the search with country, audience or language.`,
  unknownCode: (name: string, value: string, hint: string) => `${name} ${JSON.stringify(value.slice(0, 40))} is not known: ${hint}.`,
  unknownParameter: (name: string, known: readonly string[]) => `${JSON.stringify(name.slice(0, 40))} is not a finder parameter; use ${known.join(', ')}.`,
} as const
