import type { Endpoint } from 'payload'

import { Forbidden } from 'payload'

import type { ResolvedTranslationWorkflowOptions } from '../types'

import { findTasks } from '../operations/records'
import { aggregateProgress, type ProgressTask } from '../utilities/progress'

/**
 * GET /api/translation-progress: per locale × collection, how many translations are approved and
 * current, outdated, in progress and untranslated, as counts and percentages. Read as the caller,
 * so a translator sees the locales they translate and an editor every locale.
 */
export const progressEndpoint = (options: ResolvedTranslationWorkflowOptions): Endpoint => ({
  handler: async (req) => {
    if (!req.user) {
      throw new Forbidden(req.t)
    }
    const tasks = await findTasks<{ locale: string; status: ProgressTask['status']; targetCollection: string }>(options, req, {
      select: { locale: true, status: true, targetCollection: true },
      user: req.user,
    })
    const rows = aggregateProgress(tasks.map(({ locale, status, targetCollection }) => ({ collection: targetCollection, locale, status })))
    return Response.json({ rows })
  },
  method: 'get',
  path: '/translation-progress',
})
