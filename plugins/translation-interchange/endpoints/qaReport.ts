import type { Endpoint } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'

import { ASSIST_ENDPOINTS } from '../constants'
import { readableTaskFromQuery } from '../operations/taskFromQuery'
import { taskFindings } from '../operations/taskQa'
import { hasErrors } from '../utilities/qa'

/**
 * GET /api/translation-interchange/qa?task=<id>: the QA findings of a task's current translation,
 * field by field, and whether any blocks submission. What the editor shows before submit; the
 * workflow's submit runs the same checks (`qaSubmitCheck`, operations/taskQa.ts), and an import
 * runs them on the file's targets.
 */
export const qaReportEndpoint = (options: ResolvedTranslationInterchangeOptions): Endpoint => ({
  handler: async (req) => {
    const task = await readableTaskFromQuery(req, options)
    const findings = await taskFindings(options, req, task)
    return Response.json({ blocksSubmission: hasErrors(findings), findings, task: task.id })
  },
  method: 'get',
  path: ASSIST_ENDPOINTS.qa,
})
