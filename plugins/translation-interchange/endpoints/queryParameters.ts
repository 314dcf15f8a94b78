import { APIError } from 'payload'

/** A comma-separated query parameter as its items, blanks dropped; none when absent. */
export const listParameter = (value: null | string): string[] =>
  value
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : []

/** A positive whole-number query parameter, its default when absent; 400 naming the range otherwise. */
export const partParameter = (value: null | string, name: string, fallback: number, max?: number): number => {
  if (value === null) {
    return fallback
  }
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN
  if (!(number >= 1 && number <= (max ?? Number.POSITIVE_INFINITY))) {
    const range = max === undefined ? 'a whole number of 1 or more' : `a whole number from 1 to ${max}`
    throw new APIError(`${name} must be ${range}; got "${value}".`, 400, undefined, true)
  }
  return number
}
