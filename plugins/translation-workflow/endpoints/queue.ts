import type { Endpoint, Where } from 'payload'

import { APIError, Forbidden } from 'payload'

import type { ResolvedTranslationWorkflowOptions } from '../types'

import { translatorLocalesOf } from '../access/taskAccess'
import { TASK_STATUSES, type TaskStatus } from '../constants'

const QUEUES = ['mine', 'open'] as const

type Queue = (typeof QUEUES)[number]

const listParam = (value: unknown): string[] =>
  typeof value === 'string' && value !== ''
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : []

/**
 * GET /api/<tasks>/queue?queue=mine|open&status=&locale=&collection=&page=&limit=
 *
 * A translator's work list, only ever in the locales they translate: `mine` (assigned to me) or
 * `open` (nobody's, claimable). Sorted by priority (urgent first), then due date, then age.
 * Editors see every locale. Filters take comma-separated values. `counts` gives the tasks per status of the
 * same queue and filters, status aside, so tabs can show them.
 */
export const queueEndpoint = (options: ResolvedTranslationWorkflowOptions): Endpoint => ({
  handler: async (req) => {
    const user = req.user
    if (!user) {
      throw new Forbidden(req.t)
    }
    const queue = (req.query.queue ?? 'mine') as Queue
    if (!QUEUES.includes(queue)) {
      throw new APIError(`queue must be one of: ${QUEUES.join(', ')}.`, 400, undefined, true)
    }
    const held = options.access.isEditor(user) ? options.targetLocales : translatorLocalesOf(options, user)
    if (held.length === 0) {
      throw new Forbidden(req.t)
    }
    const askedLocales = listParam(req.query.locale)
    const locales = askedLocales.length > 0 ? askedLocales.filter((locale) => held.includes(locale)) : held
    const statuses = listParam(req.query.status)
    const unknownStatus = statuses.find((status) => !TASK_STATUSES.includes(status as TaskStatus))
    if (unknownStatus) {
      throw new APIError(`Unknown status "${unknownStatus}".`, 400, undefined, true)
    }
    const emptyCounts = Object.fromEntries(TASK_STATUSES.map((status) => [status, 0]))
    if (locales.length === 0) {
      // Asked only for locales the caller does not translate.
      return Response.json({ counts: emptyCounts, docs: [], locales, queue, totalDocs: 0 })
    }
    const collections = listParam(req.query.collection)
    const base: Where[] = [
      { locale: { in: locales } },
      queue === 'mine' ? { assignee: { equals: user.id } } : { assignee: { exists: false } },
      ...(collections.length > 0 ? [{ targetCollection: { in: collections } }] : []),
    ]
    const where: Where = { and: [...base, ...(statuses.length > 0 ? [{ status: { in: statuses } }] : [])] }
    const slug = options.slugs.tasks
    const limit = Math.min(Math.max(Number(req.query.limit) || 25, 1), 100)
    const page = Math.max(Number(req.query.page) || 1, 1)
    // Read as the caller: the collection's read rule still applies on top of the queue's filters.
    const [result, ...perStatus] = await Promise.all([
      req.payload.find({
        collection: slug,
        depth: 1,
        limit,
        overrideAccess: false,
        page,
        req,
        sort: ['-priorityRank', 'dueDate', 'createdAt'],
        user,
        where,
      }),
      ...TASK_STATUSES.map((status) =>
        req.payload.count({
          collection: slug,
          overrideAccess: false,
          req,
          user,
          where: { and: [...base, { status: { equals: status } }] },
        }),
      ),
    ])
    const counts = Object.fromEntries(TASK_STATUSES.map((status, index) => [status, perStatus[index]?.totalDocs ?? 0]))
    return Response.json({ ...result, counts, locales, queue })
  },
  method: 'get',
  path: '/queue',
})
