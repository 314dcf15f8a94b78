import type { Endpoint } from 'payload'

import { APIError, Forbidden } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'

import { inTransaction } from '../../shared'
import { mayExchange } from '../access/exchange'
import { ERRORS } from '../constants'
import { readMemory } from '../operations/documents'
import { buildTmx, parseTmx } from '../utilities/tmx'
import { XmlRefused } from '../utilities/xml'
import { readUploadedText } from './requestBody'

const localeOf = (options: ResolvedTranslationInterchangeOptions, params: URLSearchParams): string => {
  const locale = params.get('locale') ?? ''
  if (!options.targetLocales.includes(locale)) {
    throw new APIError(ERRORS.wrongLocaleParameter(options.targetLocales), 400, undefined, true)
  }
  return locale
}

/**
 * GET /api/translation-interchange/memory.tmx?locale=nl: the memory of one locale pair as TMX 1.4
 * (its translators and editors). POST the same path with a TMX file (editors): every pair between
 * the source and that locale is added with origin `tmx`, all or none.
 */
export const memoryTmxEndpoints = (options: ResolvedTranslationInterchangeOptions): Endpoint[] => [
  {
    handler: async (req) => {
      const locale = localeOf(options, req.searchParams)
      if (!mayExchange(options, req.user, locale)) {
        throw new Forbidden(req.t)
      }
      const entries = await readMemory(options, req, locale)
      return new Response(buildTmx({ entries, sourceLanguage: options.sourceLocale, targetLanguage: locale }), {
        headers: {
          'Content-Disposition': `attachment; filename="memory-${options.sourceLocale}-${locale}.tmx"`,
          'Content-Type': 'application/x-tmx+xml; charset=utf-8',
        },
      })
    },
    method: 'get',
    path: '/translation-interchange/memory.tmx',
  },
  {
    handler: async (req) => {
      const locale = localeOf(options, req.searchParams)
      if (!options.access.isEditor(req.user)) {
        throw new Forbidden(req.t)
      }
      let entries
      try {
        entries = await parseTmx(await readUploadedText(req, options.maxFileBytes), options.maxFileBytes, options.sourceLocale, locale)
      } catch (error) {
        throw new APIError(
          error instanceof Error ? error.message : String(error),
          error instanceof XmlRefused ? error.status : 400,
          undefined,
          true,
        )
      }
      await inTransaction(req, async () => {
        for (const entry of entries) {
          await req.payload.create({
            collection: options.slugs.memory,
            data: {
              context: entry.context,
              origin: entry.origin ?? 'tmx',
              source: entry.source,
              sourceLocale: options.sourceLocale,
              target: entry.target,
              targetLocale: locale,
            } as never,
            overrideAccess: false,
            req,
            user: req.user,
          })
        }
      })
      return Response.json({ imported: entries.length })
    },
    method: 'post',
    path: '/translation-interchange/memory.tmx',
  },
]
