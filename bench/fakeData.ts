/**
 * Synthetic documents built from a collection's field schema, deterministically: every value comes
 * from a PRNG seeded by (collection, document index, field path), so ours and bare get identical
 * data even though their configs differ by plugin-added fields. Localized fields are written in the
 * all-locales shape Payload's database adapters store ({ en: …, nl: … }), `en` always present.
 */
import type { FlattenedField, Option } from 'payload'

import { paragraphs } from '../src/lib/richText'
import { slugify } from '../src/lib/slugify'

export type Rng = () => number
export type Id = number | string

/** mulberry32 seeded with FNV-1a of the key: tiny, fast, and stable across Node versions. */
export function rngFor(key: string): Rng {
  let hash = 0x811c9dc5
  for (let index = 0; index < key.length; index++) {
    hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193)
  }
  let state = hash >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!
const between = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1))

export const vocabulary = (
  'victim identification referral mechanism border guard labour exploitation trafficking case ' +
  'police cooperation judicial training module practitioner handbook shelter hotline interview ' +
  'child protection pilot country evaluation outreach screening indicator partner network ' +
  'prosecution witness support interpreter curriculum assessment regional workshop guidance'
).split(' ')

/** Plausible prose; translations carry their locale tag so a fallback to English is visible. */
export function words(rng: Rng, count: number, locale = 'en'): string {
  const text = Array.from({ length: count }, () => pick(rng, vocabulary)).join(' ')
  const sentence = text.charAt(0).toUpperCase() + text.slice(1)
  return locale === 'en' ? sentence : `[${locale}] ${sentence}`
}

export type DocContext = {
  collection: string
  /** Position of the document in its collection: makes unique values unique. */
  index: number
  /** Locales this document is translated into, `en` first. */
  locales: string[]
  /** Ids already created per collection, for relationships and uploads. */
  refs: (slug: string) => Id[]
  /** A start date for the document; other dates are placed relative to it. */
  baseDate: number
}

const optionValue = (option: Option) => (typeof option === 'string' ? option : option.value)
const hex24 = (rng: Rng) => Array.from({ length: 24 }, () => Math.floor(rng() * 16).toString(16)).join('')
const dayMs = 86_400_000

/** E.164 numbers that libphonenumber accepts for the country (capital-city landlines). */
const phonePatterns: Record<string, { digits: number; prefix: string }> = {
  AL: { digits: 6, prefix: '+35542' },
  BE: { digits: 7, prefix: '+322' },
  DE: { digits: 8, prefix: '+4930' },
  FR: { digits: 8, prefix: '+331' },
  HU: { digits: 7, prefix: '+361' },
  NL: { digits: 7, prefix: '+3120' },
  NO: { digits: 6, prefix: '+4722' },
  PT: { digits: 7, prefix: '+35121' },
  RO: { digits: 7, prefix: '+4021' },
  SE: { digits: 7, prefix: '+468' },
}
export const phoneCountries = Object.keys(phonePatterns)

export function phoneNumber(rng: Rng, country: string): string {
  if (country === 'EU') {
    return pick(rng, ['116000', '116006', '116111', '116123'])
  }
  const { digits, prefix } = phonePatterns[country] ?? phonePatterns.BE!
  // Leading 2–8 keeps clear of short codes and premium ranges.
  return prefix + String(between(rng, 2, 8)) + Array.from({ length: digits - 1 }, () => between(rng, 0, 9)).join('')
}

function textValue(field: FlattenedField & { type: 'text' }, rng: Rng, ctx: DocContext, locale: string, siblings: Record<string, unknown>) {
  const name = field.name.toLowerCase()
  if (name === 'slug' || field.unique) {
    return `${slugify(words(rng, 3))}-${ctx.index}`
  }
  if (/phone|sms|^number$|fax/.test(name)) {
    return phoneNumber(rng, String(siblings.country ?? 'BE'))
  }
  if (name === 'opens' || name === 'closes') {
    return name === 'opens' ? pick(rng, ['08:00', '09:00', '10:00']) : pick(rng, ['17:00', '18:30', '22:00'])
  }
  if (/website|url|chat|link/.test(name)) {
    return `https://example.org/${ctx.collection}/${ctx.index}`
  }
  if (field.maxLength !== undefined && field.maxLength < 24) {
    return words(rng, 1).slice(0, field.maxLength).toUpperCase()
  }
  return words(rng, between(rng, 3, 8), locale)
}

function relationValue(field: FlattenedField & { type: 'relationship' | 'upload' }, rng: Rng, ctx: DocContext) {
  const targets = Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo]
  const one = (): undefined | { relationTo: string; value: Id } => {
    const target = pick(rng, targets)
    const ids = ctx.refs(target)
    return ids.length ? { relationTo: target, value: pick(rng, ids) } : undefined
  }
  const shape = (ref: undefined | { relationTo: string; value: Id }) => (ref && !Array.isArray(field.relationTo) ? ref.value : ref)
  if (field.hasMany) {
    const refs = Array.from({ length: between(rng, 0, 3) }, one).filter((ref) => ref !== undefined)
    const unique = [...new Map(refs.map((ref) => [`${ref.relationTo}:${ref.value}`, ref])).values()]
    return unique.map(shape)
  }
  return shape(one())
}

function dateValue(name: string, rng: Rng, ctx: DocContext) {
  // End-like dates come after the document's base date so date-range validators accept them.
  const offsetDays = /^to$|end|due|closes/i.test(name) ? between(rng, 30, 365) : between(rng, 0, 20)
  return new Date(ctx.baseDate + offsetDays * dayMs).toISOString()
}

function rowCount(field: { maxRows?: number; minRows?: number; required?: boolean }, rng: Rng) {
  const min = Math.max(field.minRows ?? 0, field.required ? 1 : 0)
  return between(rng, min, Math.min(field.maxRows ?? 3, Math.max(min, 3)))
}

/**
 * One value for a field; undefined leaves it empty. `locale` is set inside a localized field and
 * undefined elsewhere (nested localized fields then get all their locales).
 */
function singleValue(field: FlattenedField, ctx: DocContext, path: string, locale: string | undefined, siblings: Record<string, unknown>): unknown {
  const rng = rngFor(`${ctx.collection}:${ctx.index}:${path}:${locale ?? '*'}`)
  const language = locale ?? 'en'
  switch (field.type) {
    case 'array':
      return Array.from({ length: rowCount(field, rng) }, (_, row) => ({
        id: hex24(rng),
        ...fillFields(field.flattenedFields, ctx, `${path}.${row}`, locale),
      }))
    case 'blocks': {
      const blocks = (field.blocks ?? []).filter((block) => 'flattenedFields' in block)
      return blocks.length === 0
        ? []
        : Array.from({ length: rowCount(field, rng) }, (_, row) => {
            const block = pick(rng, blocks)
            return { id: hex24(rng), blockType: block.slug, ...fillFields(block.flattenedFields, ctx, `${path}.${row}`, locale) }
          })
    }
    case 'checkbox':
      return rng() < 0.5
    case 'code':
      return `// ${words(rng, 4)}`
    case 'date':
      return dateValue(field.name, rng, ctx)
    case 'email':
      return `contact${ctx.index}@example.org`
    case 'group':
    case 'tab':
      return fillFields(field.flattenedFields, ctx, path, locale)
    case 'json':
      return { index: ctx.index, note: words(rng, 3) }
    case 'number': {
      const min = field.min ?? 0
      const value = field.unique ? min + ctx.index : between(rng, min, field.max ?? Math.max(min, 1000))
      return field.hasMany ? [value] : value
    }
    case 'point':
      return [between(rng, -10, 30), between(rng, 35, 65)]
    case 'radio':
    case 'select': {
      const values = field.options.map(optionValue)
      if (field.type === 'select' && field.hasMany) {
        return [...new Set(Array.from({ length: between(rng, 1, 3) }, () => pick(rng, values)))]
      }
      return values.length ? pick(rng, values) : undefined
    }
    case 'relationship':
    case 'upload':
      return relationValue(field, rng, ctx)
    case 'richText':
      return paragraphs(...Array.from({ length: between(rng, 1, 3) }, () => words(rng, between(rng, 20, 50), language)))
    case 'text':
      return field.hasMany ? [textValue(field, rng, ctx, language, siblings)] : textValue(field, rng, ctx, language, siblings)
    case 'textarea':
      return words(rng, between(rng, 15, 40), language)
    default:
      // join fields are computed by Payload; nothing to store.
      return undefined
  }
}

/** Optional fields are left empty now and then, as real editors do; unique ones (slugs) never. */
const isFilled = (field: FlattenedField, rng: Rng) =>
  ('required' in field && field.required) || ('unique' in field && field.unique) || rng() < 0.8

/**
 * Data for a list of fields. `locale` is undefined at the top (localized fields then get one value
 * per translated locale) and set inside a localized field (its children share that locale).
 */
export function fillFields(fields: FlattenedField[], ctx: DocContext, path: string, locale?: string): Record<string, unknown> {
  const data: Record<string, unknown> = {}
  for (const field of fields) {
    const fieldPath = path ? `${path}.${field.name}` : field.name
    // Row ids are set by the caller (Payload adds an `id` field to every array and block row).
    const skip =
      field.name === 'id' || ('virtual' in field && field.virtual) || field.type === 'join' || !isFilled(field, rngFor(`${ctx.collection}:${ctx.index}:${fieldPath}`))
    if (skip) {
      continue
    }
    const value =
      'localized' in field && field.localized && locale === undefined
        ? Object.fromEntries(ctx.locales.map((code) => [code, singleValue(field, ctx, fieldPath, code, data)]))
        : singleValue(field, ctx, fieldPath, locale, data)
    if (value !== undefined) {
      data[field.name] = value
    }
  }
  return data
}
