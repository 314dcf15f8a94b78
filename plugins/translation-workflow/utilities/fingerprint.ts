import { createHash } from 'node:crypto'

import { isRichText, richTextToText } from '../../shared/utilities/richText'

/**
 * A fingerprint is a stable hash of one localized field's source value. A translation records the
 * fingerprints of the source it was made from; a field whose fingerprint differs later has changed
 * under the translation.
 *
 * Stability rules: rich text is compared as its text (re-saving in the editor or toggling bold does
 * not outdate a translation); object keys are sorted; a populated relationship or upload counts as
 * its id (the same image, populated or not, is the same value; a new image is a change); empty
 * values (`undefined`, `null`, `''`, an empty rich text) are all "empty".
 */

type Normalised = boolean | null | number | string | Normalised[] | { [key: string]: Normalised }

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Keys Payload adds to stored rows that say nothing about their content. */
const IGNORED_KEYS = new Set(['createdAt', 'updatedAt'])

export const normaliseForFingerprint = (value: unknown): Normalised => {
  if (value === undefined || value === null || value === '') {
    return null
  }
  if (isRichText(value)) {
    const text = richTextToText(value)
    return text === '' ? null : { richText: text }
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value
  }
  if (value instanceof Date) {
    return value.toISOString()
  }
  if (Array.isArray(value)) {
    return value.map(normaliseForFingerprint)
  }
  if (isRecord(value)) {
    // A populated relationship/upload ({ id, ...document }) is a reference to that document.
    if ((typeof value.id === 'number' || typeof value.id === 'string') && ('createdAt' in value || 'updatedAt' in value)) {
      return { ref: value.id }
    }
    // A polymorphic relationship: { relationTo, value } where value may be populated.
    if (typeof value.relationTo === 'string' && 'value' in value) {
      const target = value.value
      return {
        ref: isRecord(target) && target.id !== undefined ? normaliseForFingerprint(target.id) : normaliseForFingerprint(target),
        relationTo: value.relationTo,
      }
    }
    const result: Record<string, Normalised> = {}
    for (const key of Object.keys(value).sort()) {
      if (!IGNORED_KEYS.has(key) && value[key] !== undefined) {
        result[key] = normaliseForFingerprint(value[key])
      }
    }
    return result
  }
  return null
}

/** The fingerprint of one field value: `sha256:` and 16 hex digits (64 bits are plenty to compare two versions). */
export const fingerprintValue = (value: unknown): string =>
  `sha256:${createHash('sha256')
    .update(JSON.stringify(normaliseForFingerprint(value)))
    .digest('hex')
    .slice(0, 16)}`

/** Fingerprints of several fields, keyed by field path. */
export const fingerprintFields = (values: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).map(([path, value]) => [path, fingerprintValue(value)]))

/**
 * Field paths whose fingerprint differs between the fingerprints a translation was made from and
 * the current ones, sorted. A field present on only one side counts as changed.
 */
export const changedFieldPaths = (recorded: Record<string, string>, current: Record<string, string>): string[] => {
  const paths = new Set([...Object.keys(recorded), ...Object.keys(current)])
  return [...paths].filter((path) => recorded[path] !== current[path]).sort()
}
