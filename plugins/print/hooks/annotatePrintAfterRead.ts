import type { CollectionAfterReadHook, TypedLocale } from 'payload'

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

/**
 * Fills a deliverable's `print` with its edition in the request's locale, read with the caller's
 * own access: the public is given current editions only, staff see stale and failed ones with
 * their status. One query per printable deliverable read; other types get `null` without one.
 */
export const annotatePrintAfterRead =
  (options: ResolvedPrintOptions): CollectionAfterReadHook =>
  async ({ doc, req }) => {
    const template = options.sources.templates[String(doc.type)]
    const locale = req.locale
    if (!template || doc.id === undefined || req.context?.[PRINT_READ_CONTEXT] || !locale || locale === 'all') {
      return { ...doc, print: null }
    }
    const wanted = [...new Set([locale, options.sourceLocale])]
    const { docs } = await preservingLocale(req, () =>
      req.payload.find({
        collection: options.slugs.editions,
        depth: 1,
        limit: wanted.length,
        locale: locale as TypedLocale,
        overrideAccess: false,
        req,
        // Not the deliverable: populating it would annotate it again, and so on without end.
        select: { generatedAt: true, locale: true, pages: true, pdf: true, preview: true, status: true, validUntil: true, version: true },
        where: {
          and: [{ deliverable: { equals: doc.id } }, { locale: { in: wanted } }],
        },
      }),
    )
    const editions = docs as unknown as Edition[]
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
