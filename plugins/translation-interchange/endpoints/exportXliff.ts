import type { Endpoint, Where } from 'payload'

import pLimit from 'p-limit'
import { APIError, Forbidden } from 'payload'

import type { ExchangedTask } from '../operations/documents'
import type { ResolvedTranslationInterchangeOptions } from '../types'

import { mayExchange } from '../access/exchange'
import { ERRORS, XLIFF_ENDPOINTS, XLIFF_VERSIONS, type XliffVersion } from '../constants'
import { exportFiles } from '../operations/exportXliff'
import { buildXliff } from '../utilities/xliff'

const listParameter = (value: null | string): string[] =>
  value
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : []

/** A positive whole-number query parameter, its default when absent; 400 naming the range otherwise. */
const partParameter = (value: null | string, name: string, fallback: number, max?: number): number => {
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

/**
 * GET /api/translation-interchange/export?locale=nl[&version=1.2][&task=…][&collection=…][&documentId=…][&status=outdated,…][&page=2][&limit=500]
 * An XLIFF file (2.0 unless 1.2 is asked for) of the tasks the caller can see in that locale,
 * narrowed by the other parameters: one task, a collection, some documents, some statuses. At most
 * `maxDocumentsPerExport` documents (or `limit`) per file: a larger export comes in parts, in task
 * order, and every part says which it is (`X-Page`, `X-Total-Pages`, `X-Total-Count` documents,
 * `Link` to the next and previous part, and the file name).
 */
export const exportXliffEndpoint = (options: ResolvedTranslationInterchangeOptions): Endpoint => {
  const exportSlot = pLimit(options.maxParallelExports)
  return {
    handler: async (req) => {
      const user = req.user
      if (!user) {
        throw new Forbidden(req.t)
      }
      const params = req.searchParams
      const locale = params.get('locale') ?? ''
      if (!options.targetLocales.includes(locale)) {
        throw new APIError(ERRORS.wrongLocaleParameter(options.targetLocales), 400, undefined, true)
      }
      if (!mayExchange(options, user, locale)) {
        throw new APIError(ERRORS.localeNotHeld(locale), 403, undefined, true)
      }
      const version = (params.get('version') ?? '2.0') as XliffVersion
      if (!XLIFF_VERSIONS.includes(version)) {
        throw new APIError(`version must be one of ${XLIFF_VERSIONS.join(', ')}.`, 400, undefined, true)
      }
      const page = partParameter(params.get('page'), 'page', 1)
      const limit = partParameter(params.get('limit'), 'limit', options.maxDocumentsPerExport, options.maxDocumentsPerExport)
      const filters: Where[] = [{ locale: { equals: locale } }, { targetCollection: { in: options.collections } }]
      const lists: Array<[string, string]> = [
        ['task', 'id'],
        ['collection', 'targetCollection'],
        ['documentId', 'documentId'],
        ['status', 'status'],
      ]
      for (const [parameter, field] of lists) {
        const values = listParameter(params.get(parameter))
        if (values.length > 0) {
          filters.push({ [field]: { in: values } })
        }
      }
      return exportSlot(async () => {
        if (req.signal?.aborted) {
          // The client gave up while this export waited for its turn; 499 as proxies log it.
          return new Response(null, { status: 499 })
        }
        // Read as the caller: a translator sees only the tasks of their locales.
        const { docs, totalDocs, totalPages } = await req.payload.find({
          collection: options.tasksCollection,
          depth: 0,
          limit,
          overrideAccess: false,
          page,
          req,
          // What the export needs of a task: its document. Whole tasks carry the source record.
          select: { documentId: true, targetCollection: true },
          sort: 'id',
          user,
          where: { and: filters },
        })
        if (totalDocs === 0) {
          throw new APIError(ERRORS.exportNothing, 404, undefined, true)
        }
        if (page > totalPages) {
          throw new APIError(ERRORS.exportPartMissing(page, totalPages), 404, undefined, true)
        }
        // Of the translated collections only: the query asked for no other.
        const tasks = docs as unknown as ExchangedTask[]
        const files = await exportFiles(options, req, tasks, locale)
        const xml = buildXliff({ files, sourceLanguage: options.sourceLocale, targetLanguage: locale, version })
        const part = totalPages > 1 ? `-part-${page}-of-${totalPages}` : ''
        const partUrl = (number: number) => {
          const url = new URL(req.url ?? '', 'http://localhost')
          url.searchParams.set('page', String(number))
          return `<${url.pathname}${url.search}>`
        }
        const links = [
          ...(page < totalPages ? [`${partUrl(page + 1)}; rel="next"`] : []),
          ...(page > 1 ? [`${partUrl(page - 1)}; rel="prev"`] : []),
        ]
        return new Response(xml, {
          headers: {
            'Content-Disposition': `attachment; filename="translation-${options.sourceLocale}-${locale}${part}.${version === '1.2' ? 'xlf' : 'xliff'}"`,
            'Content-Type': 'application/xliff+xml; charset=utf-8',
            ...(links.length > 0 ? { Link: links.join(', ') } : {}),
            'X-Page': String(page),
            'X-Total-Count': String(totalDocs),
            'X-Total-Pages': String(totalPages),
          },
        })
      })
    },
    method: 'get',
    path: XLIFF_ENDPOINTS.export,
  }
}
