/**
 * What to seed, decided from the config at run time: which collections hold content, how many
 * documents each gets, in which order (relationship targets first), and which locales a document
 * is translated into. Pure functions, so ours and bare reach the same plan from their configs.
 */
import type { FlattenedField, SanitizedCollectionConfig } from 'payload'

import { rngFor } from './fakeData'

/** Share of the documents per known collection; unknown content collections get weight 1. */
const weights: Record<string, number> = {
  deliverables: 2,
  hotlines: 1.5,
  partners: 1,
  phases: 1,
  reports: 2,
  'training-modules': 2.5,
}

/** How often a document exists in each locale besides English: partly translated, as in real life. */
const translationRates: Record<string, number> = { de: 0.55, fr: 0.65, nl: 0.6 }
const defaultTranslationRate = 0.3

/** Preferred collections for the public read scenarios and the write scenario, in order. */
export const readPreference = ['deliverables', 'training-modules', 'hotlines', 'partners', 'phases']
export const writePreference = ['deliverables', 'training-modules', 'partners', 'hotlines', 'phases']

const hasLocalized = (fields: FlattenedField[]): boolean =>
  fields.some(
    (field) =>
      ('localized' in field && field.localized) ||
      ('flattenedFields' in field && hasLocalized(field.flattenedFields)) ||
      (field.type === 'blocks' && (field.blocks ?? []).some((block) => 'flattenedFields' in block && hasLocalized(block.flattenedFields))),
  )

/** Content: localized, editable documents (not accounts, files, or hidden system records). */
export const isContentCollection = (collection: SanitizedCollectionConfig): boolean =>
  !collection.auth && !collection.upload && !collection.admin?.hidden && hasLocalized(collection.flattenedFields)

/** A unique number with a maximum (phases are numbered 1–5) caps how many documents can exist. */
function capacity(collection: SanitizedCollectionConfig): number {
  const capped = collection.flattenedFields.find(
    (field) => field.type === 'number' && field.unique && field.max !== undefined,
  ) as (FlattenedField & { max?: number; min?: number }) | undefined
  return capped ? (capped.max ?? 0) - (capped.min ?? 0) + 1 : Number.POSITIVE_INFINITY
}

/** Splits `total` documents over the content collections by weight, respecting capacities. */
export function documentCounts(collections: SanitizedCollectionConfig[], total: number): Map<string, number> {
  const counts = new Map<string, number>()
  let open = [...collections]
  let remaining = total
  // Each pass either fills every open collection or caps at least one: bounded by the count.
  for (let pass = 0; pass <= collections.length && open.length > 0; pass++) {
    const weightSum = open.reduce((sum, { slug }) => sum + (weights[slug] ?? 1), 0)
    const capped = open.filter((collection) => capacity(collection) < (remaining * (weights[collection.slug] ?? 1)) / weightSum)
    if (capped.length === 0) {
      for (const collection of open) {
        counts.set(collection.slug, Math.round((remaining * (weights[collection.slug] ?? 1)) / weightSum))
      }
      break
    }
    for (const collection of capped) {
      counts.set(collection.slug, capacity(collection))
      remaining -= capacity(collection)
    }
    open = open.filter((collection) => !capped.includes(collection))
  }
  return counts
}

const relationTargets = (fields: FlattenedField[]): string[] =>
  fields.flatMap((field) => {
    if (field.type === 'relationship' || field.type === 'upload') {
      return Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo]
    }
    return 'flattenedFields' in field ? relationTargets(field.flattenedFields) : []
  })

/** Orders collections so relationship targets are seeded first; cycles keep config order. */
export function seedOrder(collections: SanitizedCollectionConfig[]): SanitizedCollectionConfig[] {
  const ordered: SanitizedCollectionConfig[] = []
  const pending = [...collections]
  for (let guard = 0; guard < collections.length * collections.length + 1 && pending.length > 0; guard++) {
    const ready = pending.find((candidate) =>
      relationTargets(candidate.flattenedFields).every(
        (target) => target === candidate.slug || !pending.some((other) => other.slug === target && other !== candidate),
      ),
    )
    const next = ready ?? pending[0]!
    ordered.push(next)
    pending.splice(pending.indexOf(next), 1)
  }
  return ordered
}

/** `en` plus the locales this document was translated into. */
export function documentLocales(collection: string, index: number, localeCodes: string[], sourceLocale: string): string[] {
  const rng = rngFor(`${collection}:${index}:locales`)
  return [sourceLocale, ...localeCodes.filter((code) => code !== sourceLocale && rng() < (translationRates[code] ?? defaultTranslationRate))]
}

/** The field an editor most likely edits: the title, if it is localized text. */
export function titleField(collection: SanitizedCollectionConfig): string | undefined {
  const localizedText = collection.flattenedFields.filter((field) => field.type === 'text' && field.localized)
  return (localizedText.find((field) => field.name === collection.admin?.useAsTitle) ?? localizedText[0])?.name
}
