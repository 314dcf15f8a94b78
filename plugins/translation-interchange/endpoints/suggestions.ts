import type { Endpoint } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'

import { ASSIST_ENDPOINTS } from '../constants'
import { taskSuggestions } from '../operations/suggestions'
import { readableTaskFromQuery } from '../operations/taskFromQuery'

/**
 * GET /api/translation-interchange/suggestions?task=<id>: for each translatable field of the task's
 * document, glossary terms, memory matches and a machine translation (operations/suggestions.ts),
 * for a task the caller may read.
 */
export const suggestionsEndpoint = (options: ResolvedTranslationInterchangeOptions): Endpoint => ({
  handler: async (req) => {
    const task = await readableTaskFromQuery(req, options)
    return Response.json({ task: task.id, units: await taskSuggestions(options, req, task) })
  },
  method: 'get',
  path: ASSIST_ENDPOINTS.suggestions,
})
