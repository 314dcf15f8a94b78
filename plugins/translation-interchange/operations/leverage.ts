import type { Field, PayloadRequest } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'
import type { ExchangedTask } from './documents'

import { countWords } from '../../translation-workflow'
import { LEVERAGE_BAND_LABELS, LEVERAGE_BANDS, type LeverageBand } from '../constants'
import { flatten, plainText } from '../utilities/inline'
import { translatableValues } from '../utilities/units'
import { taskDocumentBatches } from './exportXliff'
import { lookupMemory } from './memoryLookup'

/** One segment of a job: a translatable field of one document, as the export makes it a unit. */
type Segment = { context: string; source: string; words: number }

/** The tasks analysed together: repetitions count within one job. */
export type LeverageJob = Array<Pick<ExchangedTask, 'documentId' | 'targetCollection'>>

export type BandCount = { band: LeverageBand; label: string; segments: number; share: number; words: number; cost?: number }

export type LeverageAnalysis = {
  bands: BandCount[]
  /** Present only when every band has a rate and a currency is set. */
  cost?: { currency: string; total: number }
  documents: number
  segments: number
  words: number
}

/** Per source word, per band, in one currency (`rates` of the translation settings). */
export type LeverageRates = { currency: string; perWord: Record<LeverageBand, number> }

const bandOfScore = (score: number | undefined): LeverageBand => {
  if (score === undefined) {
    return 'none'
  }
  if (score >= 101) {
    return 'context'
  }
  if (score >= 100) {
    return 'exact'
  }
  return score >= 95 ? 'fuzzy95' : score >= 85 ? 'fuzzy85' : score >= 75 ? 'fuzzy75' : 'none'
}

/**
 * Each segment's band, in job order: its best memory score, except that a segment with no 100 % or
 * 101 % match that occurred before in the job is a repetition (its first occurrence keeps its own
 * band), as memoQ, Trados and Phrase count them. Texts are compared as the memory compares them:
 * whitespace runs aside.
 */
export const bandsOf = (segments: Array<Pick<Segment, 'source'>>, bestScores: Array<number | undefined>): LeverageBand[] => {
  const seen = new Set<string>()
  return segments.map((segment, index) => {
    const band = bandOfScore(bestScores[index])
    if (band === 'context' || band === 'exact') {
      return band
    }
    const text = segment.source.trim().replace(/\s+/g, ' ')
    if (seen.has(text)) {
      return 'repetition'
    }
    seen.add(text)
    return band
  })
}

/** The smallest unit of a currency (2 for EUR, 0 for JPY), so that a cost is rounded as it is paid. */
const fractionDigitsOf = (currency: string): number =>
  new Intl.NumberFormat('en', { currency, style: 'currency' }).resolvedOptions().maximumFractionDigits ?? 2

const rounded = (amount: number, digits: number) => Math.round(amount * 10 ** digits) / 10 ** digits

/** Counts per band (every band, in order), their share of the words and, with rates, their cost. */
export const summariseBands = (
  counts: Array<{ band: LeverageBand; segments: number; words: number }>,
  documents: number,
  rates: LeverageRates | null,
): LeverageAnalysis => {
  const words = counts.reduce((sum, count) => sum + count.words, 0)
  const digits = rates ? fractionDigitsOf(rates.currency) : 0
  const bands = LEVERAGE_BANDS.map((band): BandCount => {
    const inBand = counts.filter((count) => count.band === band)
    const bandWords = inBand.reduce((sum, count) => sum + count.words, 0)
    return {
      band,
      label: LEVERAGE_BAND_LABELS[band],
      segments: inBand.reduce((sum, count) => sum + count.segments, 0),
      share: words === 0 ? 0 : bandWords / words,
      words: bandWords,
      ...(rates && { cost: rounded(bandWords * rates.perWord[band], digits) }),
    }
  })
  return {
    bands,
    documents,
    segments: bands.reduce((sum, band) => sum + band.segments, 0),
    words,
    ...(rates && { cost: { currency: rates.currency, total: rounded(bands.reduce((sum, band) => sum + (band.cost ?? 0), 0), digits) } }),
  }
}

/** Several analyses as one (a task set across locales, the overview's totals). */
export const combineAnalyses = (analyses: LeverageAnalysis[], rates: LeverageRates | null): LeverageAnalysis =>
  summariseBands(
    analyses.flatMap((analysis) => analysis.bands),
    analyses.reduce((sum, analysis) => sum + analysis.documents, 0),
    rates,
  )

/**
 * The leverage of jobs in one locale: each job's source segments (the units its XLIFF export would
 * hold) banded by their best memory match. Every distinct segment of all the jobs is looked up once,
 * in one batch. The caller has read the tasks as the user and checked the locale.
 */
export const analyseLeverage = async (
  options: ResolvedTranslationInterchangeOptions,
  req: PayloadRequest,
  locale: string,
  jobs: LeverageJob[],
  rates: LeverageRates | null,
): Promise<LeverageAnalysis[]> => {
  const segmentsOfJobs: Segment[][] = []
  const documentsOfJobs: number[] = []
  for (const job of jobs) {
    const segments: Segment[] = []
    let documents = 0
    for await (const { collection, fields, ids, inLocale } of taskDocumentBatches(req, job, [options.sourceLocale])) {
      for (const id of ids) {
        const source = inLocale[0].get(id)
        if (!source) {
          continue
        }
        documents += 1
        for (const [path, value] of Object.entries(translatableValues(fields, source))) {
          const text = plainText(flatten(value).content)
          segments.push({ context: `${collection}:${path}`, source: text, words: countWords(text) })
        }
      }
    }
    segmentsOfJobs.push(segments)
    documentsOfJobs.push(documents)
  }
  const keyOf = (segment: Segment) => `${segment.context}\u0000${segment.source}`
  const unique = [...new Map(segmentsOfJobs.flat().map((segment) => [keyOf(segment), segment])).values()]
  const matches = await lookupMemory(
    options,
    req,
    locale,
    unique.map(({ context, source }) => ({ context, source })),
    { limit: 1 },
  )
  const bestScore = new Map(unique.map((segment, index) => [keyOf(segment), matches[index]?.[0]?.score]))
  return segmentsOfJobs.map((segments, index) => {
    const bands = bandsOf(
      segments,
      segments.map((segment) => bestScore.get(keyOf(segment))),
    )
    return summariseBands(
      segments.map((segment, position) => ({ band: bands[position], segments: 1, words: segment.words })),
      documentsOfJobs[index],
      rates,
    )
  })
}

/**
 * The `rates` group of the translation settings (globals/TranslationSettings.ts): a price per
 * source word for each band, in one currency. A cost is estimated only when the currency and every
 * band's rate are set.
 */
export const leverageRatesField = (options: ResolvedTranslationInterchangeOptions): Field => ({
  name: 'rates',
  type: 'group',
  // What the programme pays per word is the editors' business: a translator (often a freelancer or
  // an agency with rates of their own) sees the analysis, not the price sheet.
  access: { read: ({ req }) => options.access.isEditor(req.user) },
  admin: { description: 'Price per source word for each band of a leverage analysis, seen by editors only. Leave empty for no cost estimate.' },
  fields: [
    {
      name: 'currency',
      type: 'text',
      admin: { description: 'ISO 4217 code, such as EUR.' },
      validate: (value: null | string | undefined) => {
        if (!value) {
          return true
        }
        try {
          new Intl.NumberFormat('en', { currency: value, style: 'currency' })
          return /^[A-Z]{3}$/.test(value) || 'Give a three-letter ISO 4217 currency code, such as EUR.'
        } catch {
          return 'Give a three-letter ISO 4217 currency code, such as EUR.'
        }
      },
    },
    ...LEVERAGE_BANDS.map((band): Field => ({ name: band, type: 'number', label: LEVERAGE_BAND_LABELS[band], min: 0 })),
  ],
  label: 'Leverage rates',
})

/** The rates as the analysis uses them, or null (no cost in the answer) unless all are set. */
export const ratesFrom = (stored: unknown): LeverageRates | null => {
  const rates = (stored ?? {}) as Partial<Record<'currency' | LeverageBand, null | number | string>>
  const perWord = Object.fromEntries(LEVERAGE_BANDS.map((band) => [band, rates[band]]))
  if (typeof rates.currency !== 'string' || rates.currency === '' || !LEVERAGE_BANDS.every((band) => typeof perWord[band] === 'number')) {
    return null
  }
  return { currency: rates.currency, perWord: perWord as Record<LeverageBand, number> }
}

/**
 * The rates in the plugin's translation settings, or null. A system read, asked for editors only
 * (endpoints/leverage.ts): the rates group's own read access is for API readers of the global, and
 * an editor passes it anyway.
 */
export const readLeverageRates = async (options: ResolvedTranslationInterchangeOptions, req: PayloadRequest): Promise<LeverageRates | null> => {
  const settings = await req.payload.findGlobal({ slug: options.slugs.settings, depth: 0, overrideAccess: true, req })
  return ratesFrom((settings as { rates?: unknown }).rates)
}
