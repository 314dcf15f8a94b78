import type { CollectionAfterReadHook, CollectionSlug, PayloadRequest, TypedLocale, Where } from 'payload'

import DataLoader from 'dataloader'

import type { ResolvedPrintOptions } from '../types'

import { preservingLocale } from '../../shared'
import { PRINT_READ_CONTEXT } from '../operations/printInput'

type Upload = { url?: null | string } | null | number | string | undefined
type Edition = {
  generatedAt?: string
  locale: string
  pages?: number
  pdf?: Upload
  preview?: Upload
  status: string
  version?: string
}

const urlOf = (upload: Upload) => (typeof upload === 'object' && upload ? (upload.url ?? null) : null)

type EditionKey = { deliverable: number | string; locale: string }

/**
 * A page of deliverables asks for editions once per printable deliverable. Each request gets one
 * loader per options that gathers the questions its documents ask together and answers them with
 * two queries per locale, the page's editions and their files, read with the caller's access: a
 * withheld file is not linked.
 */
const editionLoaders = new WeakMap<object, WeakMap<ResolvedPrintOptions, DataLoader<EditionKey, Edition[], string>>>()

const editionLoader = (req: PayloadRequest, options: ResolvedPrintOptions): DataLoader<EditionKey, Edition[], string> => {
  const perRequest = editionLoaders.get(req) ?? new WeakMap()
  editionLoaders.set(req, perRequest)
  let loader = perRequest.get(options)
  if (!loader) {
    loader = new DataLoader<EditionKey, Edition[], string>(
      async (keys) => {
        const byLocale = new Map<string, Array<number | string>>()
        for (const { deliverable, locale } of keys) {
          byLocale.set(locale, [...(byLocale.get(locale) ?? []), deliverable])
        }
        const found = new Map<string, Edition[]>()
        await Promise.all(
          [...byLocale].map(async ([locale, deliverables]) => {
            const wanted = [...new Set([locale, options.sourceLocale])]
            const read = <T>(collection: CollectionSlug, where: Where, select?: Record<string, true>) =>
              preservingLocale(req, () =>
                req.payload.find({
                  collection,
                  // Ids only: populating the deliverable would annotate it again, and so on without end.
                  depth: 0,
                  locale: locale as TypedLocale,
                  overrideAccess: false,
                  // Bounded by the page the editions are for: one per deliverable and locale.
                  pagination: false,
                  req,
                  select,
                  where,
                }),
              ).then(({ docs }) => docs as unknown as T[])
            const editions = await read<Edition & { deliverable: number | string }>(
              options.slugs.editions,
              { and: [{ deliverable: { in: deliverables } }, { locale: { in: wanted } }] },
              { deliverable: true, generatedAt: true, locale: true, pages: true, pdf: true, preview: true, status: true, validUntil: true, version: true },
            )
            const fileIds = [...new Set(editions.flatMap(({ pdf, preview }) => [pdf, preview]).filter((id): id is number | string => typeof id === 'number' || typeof id === 'string'))]
            const files = fileIds.length ? await read<{ id: number | string; url?: string }>(options.slugs.files, { id: { in: fileIds } }) : []
            const urls = new Map(files.map(({ id, url }) => [String(id), { url: url ?? null }]))
            for (const edition of editions) {
              const key = `${locale}\u0000${String(edition.deliverable)}`
              const withFiles = { ...edition, pdf: urls.get(String(edition.pdf)) ?? null, preview: urls.get(String(edition.preview)) ?? null }
              found.set(key, [...(found.get(key) ?? []), withFiles])
            }
          }),
        )
        return keys.map(({ deliverable, locale }) => found.get(`${locale}\u0000${String(deliverable)}`) ?? [])
      },
      {
        // Documents reach their read hooks a few promise turns apart; waiting for the next
        // macrotask lets every document of the page ask before the query runs.
        batchScheduleFn: (callback) => setImmediate(callback),
        cacheKeyFn: ({ deliverable, locale }) => `${locale}\u0000${String(deliverable)}`,
      },
    )
    perRequest.set(options, loader)
  }
  return loader
}

/**
 * Fills a deliverable's `print` with its edition in the request's locale, read with the caller's
 * own access: the public is given current editions only, staff see stale and failed ones with
 * their status. Printable deliverables of one request share one query per locale; other types get
 * `null` without one.
 */
export const annotatePrintAfterRead =
  (options: ResolvedPrintOptions): CollectionAfterReadHook =>
  async ({ doc, req }) => {
    const template = options.sources.templates[String(doc.type)]
    const locale = req.locale
    if (!template || doc.id === undefined || req.context?.[PRINT_READ_CONTEXT] || !locale || locale === 'all') {
      return { ...doc, print: null }
    }
    const editions = await editionLoader(req, options).load({ deliverable: doc.id as number | string, locale })
    const edition =
      editions.find((candidate) => candidate.locale === locale) ?? editions.find((candidate) => candidate.locale === options.sourceLocale)
    if (!edition) {
      return { ...doc, print: null }
    }
    return {
      ...doc,
      print: {
        fallback: edition.locale !== locale,
        generatedAt: edition.generatedAt ?? null,
        locale: edition.locale,
        pages: edition.pages ?? null,
        previewUrl: urlOf(edition.preview),
        status: edition.status,
        url: urlOf(edition.pdf),
        version: edition.version ?? null,
      },
    }
  }
