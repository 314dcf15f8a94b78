import type { Endpoint, PayloadRequest } from 'payload'

import { APIError, Forbidden } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'

import { mayExchange } from '../access/exchange'
import { ERRORS, XLIFF_ENDPOINTS } from '../constants'
import { planImport, writeImport } from '../operations/importXliff'
import { type ParsedXliff, parseXliff, XliffRefused } from '../utilities/xliff'
import { XmlRefused } from '../utilities/xml'
import { readUploadedText } from './requestBody'

const parseUpload = async (options: ResolvedTranslationInterchangeOptions, req: PayloadRequest): Promise<ParsedXliff> => {
  try {
    return await parseXliff(await readUploadedText(req, options.maxFileBytes), options.maxFileBytes)
  } catch (error) {
    if (error instanceof XmlRefused) {
      throw new APIError(error.message, error.status, undefined, true)
    }
    if (error instanceof XliffRefused) {
      throw new APIError(error.message, 400, undefined, true)
    }
    throw error
  }
}

/**
 * POST /api/translation-interchange/import?locale=nl with an XLIFF 1.2/2.0 file (raw body or the
 * `file` field of a form). Every unit is checked first (document, unit id, task, tags, source
 * fingerprint, QA errors); if any is refused nothing is written (422 with the report). Otherwise
 * every translated unit is written as a draft in the locale, as the uploader, in one transaction,
 * and their tasks go to review (or stay in progress, per `statusAfterImport`); a task whose
 * document still fails the workflow's submit checks (a field left untranslated) stays in progress
 * and is listed in `keptInProgress`.
 */
export const importXliffEndpoint = (options: ResolvedTranslationInterchangeOptions): Endpoint => ({
  handler: async (req) => {
    const user = req.user
    if (!user) {
      throw new Forbidden(req.t)
    }
    const locale = req.searchParams.get('locale') ?? ''
    if (!options.targetLocales.includes(locale)) {
      throw new APIError(ERRORS.wrongLocaleParameter(options.targetLocales), 400, undefined, true)
    }
    if (!mayExchange(options, user, locale)) {
      throw new APIError(ERRORS.localeNotHeld(locale), 403, undefined, true)
    }
    const parsed = await parseUpload(options, req)
    if (parsed.targetLanguage !== locale) {
      throw new APIError(ERRORS.wrongTargetLanguage(parsed.targetLanguage, locale), 400, undefined, true)
    }
    // An export holds at most this many documents; more in one upload is not a translator's file.
    if (parsed.files.length > options.maxDocumentsPerExport) {
      throw new APIError(ERRORS.tooManyFiles(options.maxDocumentsPerExport), 400, undefined, true)
    }
    const { refused, reports, writes } = await planImport(options, req, user, parsed, locale)
    if (refused > 0) {
      return Response.json({ applied: 0, message: `Nothing was imported: ${refused} unit(s) refused.`, units: reports }, { status: 422 })
    }
    const result = await writeImport(options, req, user, locale, writes)
    if ('failure' in result) {
      return Response.json({ applied: 0, message: `Nothing was imported: ${result.failure}`, units: reports }, { status: 422 })
    }
    return Response.json({
      applied: reports.filter((report) => report.status === 'applied').length,
      keptInProgress: result.keptInProgress,
      units: reports,
    })
  },
  method: 'post',
  path: XLIFF_ENDPOINTS.import,
})
