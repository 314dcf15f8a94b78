import type { Field } from 'payload'

import type { ExportUnit } from './xliff'

import { fingerprintValue } from '../../translation-workflow'
import { localizedValues } from '../../translation-workflow'
import { isRichText } from '../../translation-workflow'
import { fieldLabel, fieldMaxLength } from './fields'
import { flatten, tagMismatch } from './inline'

type UnknownRecord = Record<string, unknown>

const isRecord = (value: unknown): value is UnknownRecord => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Values a translator can translate: text and rich text. Numbers, dates and references are not. */
export const isTranslatable = (value: unknown): boolean => typeof value === 'string' || isRichText(value)

/** The translatable source values of a document by unit id (field path), in field order. */
export const translatableValues = (fields: readonly Field[], source: UnknownRecord): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(localizedValues(fields, source)).filter(([, value]) => isTranslatable(value) && flatten(value).content.length > 0),
  )

/**
 * One unit per translatable field with content in the source. The current translation comes along
 * as the target when its tags still fit the source's (else the translator starts from the source).
 */
export const exportUnits = (
  collection: string,
  fields: readonly Field[],
  source: UnknownRecord,
  target: null | UnknownRecord,
): ExportUnit[] => {
  const targetValues = target ? localizedValues(fields, target) : {}
  return Object.entries(translatableValues(fields, source)).map(([path, value]) => {
    const flat = flatten(value)
    const existing = flatten(targetValues[path]).content
    return {
      id: path,
      context: { collection, field: fieldLabel(fields, path), maxLength: fieldMaxLength(fields, path) },
      fingerprint: fingerprintValue(value),
      source: flat.content,
      tags: flat.tags,
      target: existing.length > 0 && tagMismatch(flat, existing) === null ? existing : [],
    }
  })
}

/**
 * Sets a value at a `localizedValues` path in a copy of a document: array and block rows are found by
 * their id (or index). Returns the top-level key that changed.
 */
export const setAtPath = (document: UnknownRecord, path: string, value: unknown): string => {
  const segments = path.split('.')
  let container: unknown = document
  for (let index = 0; index < segments.length - 1; index += 1) {
    const segment = segments[index]
    const next: unknown = Array.isArray(container)
      ? (container.find((row) => isRecord(row) && String(row.id) === segment) ?? container[Number(segment)])
      : isRecord(container)
        ? (container[segment] ??= {})
        : undefined
    if (next === undefined || next === null) {
      throw new Error(`No "${segment}" in ${path}.`)
    }
    container = next
  }
  if (!isRecord(container)) {
    throw new Error(`Cannot set ${path}.`)
  }
  container[segments[segments.length - 1]] = value
  return segments[0]
}
