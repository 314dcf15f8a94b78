import type { CollectionSlug, PayloadRequest, TypedLocale, Where } from 'payload'

import { parsePhoneNumberWithError } from 'libphonenumber-js/max'
import { isolateObjectProperty } from 'payload'

import type { PrintTemplate } from '../constants'
import type { DirectoryInput, ManualInput, PocketCardInput, PrintHotline, PrintInput, PrintLabels } from '../render/types'
import type { ResolvedPrintOptions } from '../types'
import type { Availability } from './availability'

import { relationId } from '../../shared'
import { labelsFor, printLanguage } from '../render/labels'
import { describeAvailability } from './availability'
import { hasRichText, richTextBlocks } from './richTextBlocks'

type Id = number | string
type Doc = Record<string, unknown> & { id: Id }

/** Marks the plugin's own reads, so that the deliverables' `print` annotation does not run on them. */
export const PRINT_READ_CONTEXT = 'printPluginRead'

/** What a print leaves out, for the editors (never printed, never public). */
export type LeftOut = {
  documentId: string
  kind: 'hotline' | 'training-module'
  label: string
  reason: string
}

/** Everything the worker needs to make, compare and record one edition. */
export type EditionPlan = {
  /** Keys of the documents the print was made from (`<collection>:<id>`), for staleness. */
  dependsOn: string[]
  input: PrintInput
  leftOut: LeftOut[]
  /** When the first printed hotline falls due: the edition is withheld from then on. */
  validUntil: null | string
}

/**
 * Reads as an anonymous reader would: the collections' own read access, with everything other
 * plugins wrap around it (published only, released phases only, staff-only fields removed).
 */
export function publicReader(req: PayloadRequest) {
  const anonymous = isolateObjectProperty(req, ['user', 'locale', 'fallbackLocale', 'context'])
  anonymous.user = null
  anonymous.context = { [PRINT_READ_CONTEXT]: true }
  return anonymous
}

type Reading = {
  locale: string
  options: ResolvedPrintOptions
  req: PayloadRequest
}

const fallbackOf = ({ options }: Reading) => options.sourceLocale as TypedLocale

async function findPublic(reading: Reading, collection: CollectionSlug, where: Where, withFallback: boolean): Promise<Doc[]> {
  const docs: Doc[] = []
  for (let page = 1; ; page += 1) {
    // Pages of 100: public reads are bounded like any anonymous reader's (plugins/delivery-api).
    const result = await reading.req.payload.find({
      collection,
      depth: 0,
      fallbackLocale: withFallback ? fallbackOf(reading) : false,
      limit: 100,
      locale: reading.locale as TypedLocale,
      overrideAccess: false,
      page,
      req: reading.req,
      sort: 'createdAt',
      where,
    })
    docs.push(...(result.docs as unknown as Doc[]))
    if (!result.hasNextPage) {
      return docs
    }
  }
}

/** The same documents in the print's language with the source fallback, and without it (to tell what is not translated). */
async function findBoth(reading: Reading, collection: CollectionSlug, where: Where) {
  const shown = await findPublic(reading, collection, where, true)
  const native = reading.locale === reading.options.sourceLocale ? shown : await findPublic(reading, collection, where, false)
  const nativeById = new Map(native.map((doc) => [String(doc.id), doc]))
  return shown.map((doc) => ({
    doc,
    native: nativeById.get(String(doc.id)) ?? ({ id: doc.id } as Doc),
  }))
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')
const isMissing = (value: unknown) => !text(value)

function formatPhone(number: string): string {
  if (!number.startsWith('+')) {
    return number
  }
  try {
    return parsePhoneNumberWithError(number).formatInternational()
  } catch {
    return number
  }
}

type Row = { id?: string } & Record<string, unknown>
const rows = (value: unknown): Row[] => (Array.isArray(value) ? (value as Row[]) : [])
/** Array rows are shared by every locale (only their fields are localized): a row's translation is the native row of the same id. */
const nativeRow = (native: Doc, field: string, row: Row) => rows(native[field]).find(({ id }) => id === row.id) ?? {}

function hotlineOf(reading: Reading, labels: PrintLabels, { doc, native }: { doc: Doc; native: Doc }): PrintHotline {
  const region = new Intl.DisplayNames([reading.locale], { type: 'region' })
  const language = new Intl.DisplayNames([reading.locale], {
    type: 'language',
  })
  const country = text(doc.country)
  const optional = (value: unknown) => (text(value) ? text(value) : undefined)
  return {
    name: text(doc.name),
    alternativeNumbers: rows(doc.alternativeNumbers).map((row) => ({
      ...(text(row.label) ? { label: text(row.label) } : {}),
      number: formatPhone(text(row.number)),
    })),
    availability: describeAvailability(reading.locale, doc.availability as Availability, '24/7'),
    chat: optional(doc.chat),
    country,
    countryName: country === 'EU' ? labels.euWide : (region.of(country) ?? country),
    email: optional(doc.email),
    fallback: reading.locale !== reading.options.sourceLocale && isMissing(native.name),
    freeOfCharge: doc.freeOfCharge !== false,
    languages: (Array.isArray(doc.languages) ? (doc.languages as string[]) : []).map((code) => language.of(code) ?? code),
    phone: formatPhone(text(doc.phone)),
    sms: optional(doc.sms) ? formatPhone(text(doc.sms)) : undefined,
    website: optional(doc.website),
  }
}

type Verification = { nextDueAt?: null | string; status?: string }

/**
 * Only a number checked recently enough is printed: paper cannot be corrected once handed out.
 * An unverified or overdue one is left out and reported to the editors instead.
 */
function printableHotlines(
  reading: Reading,
  labels: PrintLabels,
  found: { doc: Doc; native: Doc }[],
  plan: Omit<EditionPlan, 'input'>,
): PrintHotline[] {
  const printed: PrintHotline[] = []
  for (const entry of found) {
    const verification = (entry.doc.verification ?? {}) as Verification
    plan.dependsOn.push(`${reading.options.sources.hotlines}:${entry.doc.id}`)
    if (verification.status !== 'current' && verification.status !== 'due') {
      plan.leftOut.push({
        documentId: String(entry.doc.id),
        kind: 'hotline',
        label: `${text(entry.doc.name)} (${text(entry.doc.country)}, ${text(entry.doc.phone)})`,
        reason: verification.status === 'overdue' ? 'verification overdue' : 'never verified',
      })
      continue
    }
    if (verification.nextDueAt && (!plan.validUntil || verification.nextDueAt < plan.validUntil)) {
      plan.validUntil = verification.nextDueAt
    }
    printed.push(hotlineOf(reading, labels, entry))
  }
  return printed
}

/**
 * The print of one deliverable in one locale, from what the public reads now; `null` when there is
 * nothing to print in that locale (the deliverable is not public, or not translated into it: the
 * API then offers the source language's edition, as it falls back for every other field).
 */
export async function planEdition(
  req: PayloadRequest,
  options: ResolvedPrintOptions,
  { id, locale, template }: { id: Id; locale: string; template: PrintTemplate },
): Promise<EditionPlan | null> {
  const reading: Reading = { locale, options, req: publicReader(req) }
  const { deliverables, hotlines, programme, trainingModules } = options.sources
  const [entry] = await findBoth(reading, deliverables, { id: { equals: id } })
  if (!entry || (locale !== options.sourceLocale && isMissing(entry.native.title))) {
    return null
  }
  const { doc, native } = entry
  const translated = locale !== options.sourceLocale
  const labels = labelsFor(locale, options.labels[locale])
  // Entries, not the generated type: the plugin reads the fields its README names, of any project's global.
  const settings: Record<string, unknown> = Object.fromEntries(
    Object.entries(
      await req.payload.findGlobal({
        slug: programme,
        depth: 0,
        fallbackLocale: fallbackOf(reading),
        locale: locale as TypedLocale,
        overrideAccess: false,
        req: reading.req,
      }),
    ),
  )
  const plan: Omit<EditionPlan, 'input'> = {
    dependsOn: [`${deliverables}:${id}`],
    leftOut: [],
    validUntil: null,
  }
  const common = {
    fundingLine: text(settings.fundingStatement) || undefined,
    labels,
    programmeName: text(settings.name),
    stamp: { ...printLanguage(locale), generatedAt: '', locale, sourceLocale: options.sourceLocale, version: '' },
    title: text(doc.title),
    titleFallback: translated && isMissing(native.title),
  }
  if (template === 'pocket-card') {
    const country = text(doc.printCountry)
    const found = await findBoth(reading, hotlines, {
      country: { in: country && country !== 'EU' ? [country, 'EU'] : ['EU'] },
    })
    // The chosen country's own numbers first, then the EU-wide ones.
    found.sort((a, b) => Number(a.doc.country === 'EU') - Number(b.doc.country === 'EU'))
    const layout = (doc.printLayout ?? {}) as {
      bleedMm?: number
      cropMarks?: boolean
    }
    const input: PocketCardInput = {
      ...common,
      bleedMm: layout.bleedMm ?? 0,
      cropMarks: Boolean(layout.cropMarks),
      hotlines: printableHotlines(reading, labels, found, plan),
      indicators: rows(doc.indicators)
        .map((row) => ({
          fallback: translated && isMissing(nativeRow(native, 'indicators', row).indicator),
          text: text(row.indicator),
        }))
        .filter((indicator) => indicator.text),
      onlineUrl: options.onlineUrl({ id, slug: text(doc.slug), locale }),
      template,
    }
    return { ...plan, input }
  }
  if (template === 'hotline-directory') {
    const found = await findBoth(reading, hotlines, {})
    const printed = printableHotlines(reading, labels, found, plan)
    const byCountry = new Map<string, DirectoryInput['countries'][number]>()
    for (const hotline of printed) {
      const group = byCountry.get(hotline.country) ?? {
        name: hotline.countryName,
        code: hotline.country,
        hotlines: [],
      }
      group.hotlines.push(hotline)
      byCountry.set(hotline.country, group)
    }
    const collator = new Intl.Collator(locale)
    const countries = [...byCountry.values()].sort((a, b) => Number(b.code === 'EU') - Number(a.code === 'EU') || collator.compare(a.name, b.name))
    const input: DirectoryInput = { ...common, countries, template }
    return { ...plan, input }
  }
  // The manual: the deliverable's description, then its modules in the editor's order.
  const moduleIds = (Array.isArray(doc.trainingModules) ? doc.trainingModules : []).map(relationId).filter((value): value is Id => value !== null)
  const found = moduleIds.length ? await findBoth(reading, trainingModules, { id: { in: moduleIds } }) : []
  const byId = new Map(found.map((module) => [String(module.doc.id), module]))
  const modules: ManualInput['modules'] = []
  for (const moduleId of moduleIds) {
    plan.dependsOn.push(`${trainingModules}:${moduleId}`)
    const module = byId.get(String(moduleId))
    if (!module) {
      // For the editors' report only: the name of a module the public may not read.
      const hidden = await req.payload.findByID({
        id: moduleId,
        collection: trainingModules,
        depth: 0,
        disableErrors: true,
        overrideAccess: true,
        req,
      })
      const stored: Record<string, unknown> = Object.fromEntries(Object.entries(hidden ?? {}))
      const name = `${text(stored.code)} ${text(stored.title)}`.trim() || String(moduleId)
      plan.leftOut.push({
        documentId: String(moduleId),
        kind: 'training-module',
        label: name,
        reason: 'not published, or its phase is not released',
      })
      continue
    }
    modules.push({
      code: text(module.doc.code),
      content: richTextBlocks(module.doc.content),
      contentFallback: translated && hasRichText(module.doc.content) && !hasRichText(module.native.content),
      objectives: rows(module.doc.learningObjectives)
        .map((row) => ({
          fallback: translated && isMissing(nativeRow(module.native, 'learningObjectives', row).objective),
          text: text(row.objective),
        }))
        .filter((objective) => objective.text),
      title: text(module.doc.title),
      titleFallback: translated && isMissing(module.native.title),
    })
  }
  const input: ManualInput = {
    ...common,
    description: richTextBlocks(doc.description),
    descriptionFallback: translated && hasRichText(doc.description) && !hasRichText(native.description),
    modules,
    template,
  }
  return { ...plan, input }
}
