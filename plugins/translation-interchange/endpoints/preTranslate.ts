import type { Endpoint } from 'payload'

import { addDataAndFileToRequest, APIError, Forbidden } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'

import { ERRORS, LEVERAGE_ENDPOINTS } from '../constants'
import { preTranslate } from '../operations/preTranslate'

const isId = (value: unknown): value is number | string =>
  (typeof value === 'string' && value.trim() !== '' && value.length <= 64) || (typeof value === 'number' && Number.isSafeInteger(value))

/**
 * POST /api/translation-interchange/pre-translate with `{ tasks: [ids], machineTranslation?: boolean }`:
 * fills the untouched fields of the tasks' documents from exact memory matches (and the provider
 * when asked) as drafts marked for review (operations/preTranslate.ts); answers with the report.
 */
export const preTranslateEndpoint = (options: ResolvedTranslationInterchangeOptions): Endpoint => ({
  handler: async (req) => {
    const user = req.user
    if (!user) {
      throw new Forbidden(req.t)
    }
    const refuse = () => new APIError(ERRORS.preTranslateBody(options.maxDocumentsPerExport), 400, undefined, true)
    await addDataAndFileToRequest(req).catch(() => {
      throw refuse()
    })
    const body = req.data as undefined | { machineTranslation?: unknown; tasks?: unknown }
    const tasks = body?.tasks
    if (
      !Array.isArray(tasks) ||
      tasks.length === 0 ||
      tasks.length > options.maxDocumentsPerExport ||
      !tasks.every(isId) ||
      new Set(tasks.map(String)).size !== tasks.length ||
      (body?.machineTranslation !== undefined && typeof body.machineTranslation !== 'boolean')
    ) {
      throw refuse()
    }
    const reports = await preTranslate(options, req, user, tasks, { machineTranslation: body?.machineTranslation === true })
    return Response.json({
      filled: reports.reduce((sum, report) => sum + report.filled.length, 0),
      skipped: reports.reduce((sum, report) => sum + report.skipped.length, 0),
      tasks: reports,
    })
  },
  method: 'post',
  path: LEVERAGE_ENDPOINTS.preTranslate,
})
