import type { Endpoint } from 'payload'

import pLimit from 'p-limit'
import { APIError, Forbidden } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'

import { XLIFF_ENDPOINTS, XLIFF_VERSIONS, type XliffVersion } from '../constants'
import { findExportTasks, parseExportSelection } from '../operations/exportSelection'
import { exportFiles } from '../operations/exportXliff'
import { buildXliff } from '../utilities/xliff'

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
      const selection = parseExportSelection(options, user, params)
      const version = (params.get('version') ?? '2.0') as XliffVersion
      if (!XLIFF_VERSIONS.includes(version)) {
        throw new APIError(`version must be one of ${XLIFF_VERSIONS.join(', ')}.`, 400, undefined, true)
      }
      return exportSlot(async () => {
        if (req.signal?.aborted) {
          // The client gave up while this export waited for its turn; 499 as proxies log it.
          return new Response(null, { status: 499 })
        }
        const { tasks, totalDocs, totalPages } = await findExportTasks(options, req, selection)
        const { locale, page } = selection
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
