import type { CollectionConfig, Field } from 'payload'

import { isRichText, richTextToText } from '../../shared/utilities/richText'

/** One step of a field path: its name, and whether its value is kept per locale. */
type Step = { localized: boolean; name: string }

/** A configured field as the index reads it from a document read with `locale: 'all'`. */
export type SearchedField = { path: string; prose: boolean; steps: Step[] }

const SEARCHABLE_TYPES = new Set(['email', 'number', 'richText', 'select', 'text', 'textarea'])
/** Fields a reader reads as sentences: the snippet shows these, not codes such as a select's value. */
const PROSE_TYPES = new Set(['richText', 'textarea'])

type NamedField = Extract<Field, { name: string }>

/** The named fields at one level, looking through rows, collapsibles and unnamed tabs. */
function namedFields(fields: readonly Field[]): NamedField[] {
  return fields.flatMap((field): NamedField[] => {
    if (field.type === 'tabs') {
      return field.tabs.flatMap((tab) => ('name' in tab && tab.name ? [{ ...tab, type: 'group' } as NamedField] : namedFields(tab.fields)))
    }
    if ('name' in field && field.name) {
      return [field as NamedField]
    }
    return 'fields' in field ? namedFields(field.fields) : []
  })
}

/**
 * A configured path resolved against the collection's fields, refused at config time when it
 * names no searchable field or passes a field with its own read access (staff-only fields are
 * exactly those: their words must never reach a public result).
 */
export function resolveSearchedField(collection: CollectionConfig, path: string): SearchedField {
  const steps: Step[] = []
  let level: readonly Field[] = collection.fields
  let field: NamedField | undefined
  for (const name of path.split('.')) {
    field = namedFields(level).find((candidate) => candidate.name === name)
    if (!field) {
      throw new Error(`public-search: ${collection.slug} has no field "${path}".`)
    }
    if ('access' in field && field.access?.read) {
      throw new Error(`public-search: ${collection.slug}.${path} has its own read access; a field not everyone may read cannot be searched.`)
    }
    steps.push({ name, localized: Boolean('localized' in field && field.localized) })
    level = 'fields' in field && Array.isArray(field.fields) ? field.fields : []
  }
  if (!field || !SEARCHABLE_TYPES.has(field.type)) {
    throw new Error(`public-search: ${collection.slug}.${path} is a ${field?.type} field; search reads ${[...SEARCHABLE_TYPES].join(', ')}.`)
  }
  return { path, prose: PROSE_TYPES.has(field.type), steps }
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === ''

/**
 * A field's values in one locale, with Payload's per-field fallback: a localized value missing in
 * `locale` is the fallback locale's. Arrays on the way give one value per row.
 */
function valuesAt(value: unknown, steps: readonly Step[], locale: string, fallback: string | undefined): unknown[] {
  if (steps.length === 0) {
    return Array.isArray(value) ? value : [value]
  }
  if (Array.isArray(value)) {
    return value.flatMap((row) => valuesAt(row, steps, locale, fallback))
  }
  if (typeof value !== 'object' || value === null) {
    return []
  }
  const [step, ...rest] = steps as [Step, ...Step[]]
  let next = (value as Record<string, unknown>)[step.name]
  if (step.localized) {
    const perLocale = (next ?? {}) as Record<string, unknown>
    next = isEmpty(perLocale[locale]) && fallback ? perLocale[fallback] : perLocale[locale]
  }
  return valuesAt(next, rest, locale, fallback)
}

const textOf = (value: unknown): string => {
  if (isRichText(value)) {
    return richTextToText(value)
  }
  return typeof value === 'string' || typeof value === 'number' ? String(value) : ''
}

/** The text a reader of `locale` sees in a field (with the fallback's where the locale has none). */
export const fieldText = (doc: unknown, field: SearchedField, locale: string, fallback: string | undefined): string =>
  valuesAt(doc, field.steps, locale, fallback).map(textOf).filter(Boolean).join('\n')

/** Whether the document has text of its own in `locale` in any localized searched field. */
export const hasOwnText = (doc: unknown, fields: readonly SearchedField[], locale: string): boolean =>
  fields.some((field) => field.steps.some((step) => step.localized) && fieldText(doc, field, locale, undefined).trim() !== '')
