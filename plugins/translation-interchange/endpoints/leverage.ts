import type { Endpoint, PayloadRequest } from 'payload'

import { APIError, Forbidden } from 'payload'

import type { InterchangeUser, ResolvedTranslationInterchangeOptions } from '../types'

import { mayExchange } from '../access/exchange'
import { ERRORS, LEVERAGE_ENDPOINTS, LEVERAGE_SCOPES, OPEN_TASK_STATUSES } from '../constants'
import { type ExchangedTask, isExchangedTask } from '../operations/documents'
import { findExportTasks, parseExportSelection, readTasksAsCaller } from '../operations/exportSelection'
import { analyseLeverage, combineAnalyses, type LeverageRates, readLeverageRates } from '../operations/leverage'
import { listParameter } from './queryParameters'

type Scope = (typeof LEVERAGE_SCOPES)[number]

/** What an analysis needs of a task: its document and locale. */
const TASK_FIELDS = { documentId: true, locale: true, targetCollection: true } as const

const groupBy = <T, K>(items: T[], keyOf: (item: T) => K): Map<K, T[]> => {
  const groups = new Map<K, T[]>()
  for (const item of items) {
    groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item])
  }
  return groups
}

/** Exactly the tasks of the XLIFF export with the same parameters, as one job. */
const analyseExport = async (options: ResolvedTranslationInterchangeOptions, req: PayloadRequest, user: InterchangeUser, rates: LeverageRates | null) => {
  const selection = parseExportSelection(options, user, req.searchParams)
  const { tasks, totalDocs, totalPages } = await findExportTasks(options, req, selection)
  const [analysis] = await analyseLeverage(options, req, selection.locale, [tasks], rates)
  return { locale: selection.locale, page: selection.page, scope: 'export', totalDocuments: totalDocs, totalPages, ...analysis }
}

/** Tasks named by id, each locale's as one job, and their total. */
const analyseTaskSet = async (options: ResolvedTranslationInterchangeOptions, req: PayloadRequest, user: InterchangeUser, rates: LeverageRates | null) => {
  const ids = [...new Set(listParameter(req.searchParams.get('tasks')))]
  if (ids.length === 0) {
    throw new APIError(ERRORS.leverageWithoutTasks, 400, undefined, true)
  }
  if (ids.length > options.maxDocumentsPerExport) {
    throw new APIError(ERRORS.leverageTooManyTasks(options.maxDocumentsPerExport), 400, undefined, true)
  }
  const readable = await readTasksAsCaller(options, req, { id: { in: ids } }, TASK_FIELDS)
  const tasks = readable.filter(
    (task): task is ExchangedTask => isExchangedTask(options, task) && mayExchange(options, user, task.locale),
  )
  const found = new Set(tasks.map((task) => String(task.id)))
  const missing = ids.filter((id) => !found.has(id))
  if (missing.length > 0) {
    throw new APIError(ERRORS.leverageTasksMissing(missing), 404, undefined, true)
  }
  const locales = []
  for (const [locale, ofLocale] of groupBy(tasks, (task) => task.locale)) {
    const [analysis] = await analyseLeverage(options, req, locale, [ofLocale], rates)
    locales.push({ locale, ...analysis })
  }
  return { locales, scope: 'tasks', total: combineAnalyses(locales, rates) }
}

/** For editors: every open task, one job per locale × collection, with the total. */
const analyseOverview = async (options: ResolvedTranslationInterchangeOptions, req: PayloadRequest, user: InterchangeUser, rates: LeverageRates | null) => {
  if (!options.access.isEditor(user)) {
    throw new APIError(ERRORS.leverageEditorsOnly, 403, undefined, true)
  }
  const docs = await readTasksAsCaller(
    options,
    req,
    { and: [{ status: { in: [...OPEN_TASK_STATUSES] } }, { targetCollection: { in: options.collections } }] },
    TASK_FIELDS,
  )
  // Of the translated collections only: the query asked for no other.
  const tasks = docs as unknown as ExchangedTask[]
  const rows = []
  for (const [locale, ofLocale] of groupBy(tasks, (task) => task.locale)) {
    const byCollection = [...groupBy(ofLocale, (task) => task.targetCollection)]
    const analyses = await analyseLeverage(
      options,
      req,
      locale,
      byCollection.map(([, ofCollection]) => ofCollection),
      rates,
    )
    rows.push(...byCollection.map(([collection], index) => ({ collection, locale, ...analyses[index] })))
  }
  return { rows, scope: 'overview', total: combineAnalyses(rows, rates) }
}

type Analysis = (
  options: ResolvedTranslationInterchangeOptions,
  req: PayloadRequest,
  user: InterchangeUser,
  rates: LeverageRates | null,
) => Promise<object>

const ANALYSES: Record<Scope, Analysis> = { export: analyseExport, overview: analyseOverview, tasks: analyseTaskSet }

/**
 * GET /api/translation-interchange/leverage?scope=export|tasks|overview&…: source words and segments
 * in leverage bands, with a cost estimate for editors when rates are set (operations/leverage.ts).
 * `export` (default) takes the XLIFF export's parameters and analyses exactly its part; `tasks`
 * takes `tasks=<id>,…`; `overview` (editors) every open task by locale × collection.
 */
export const leverageEndpoint = (options: ResolvedTranslationInterchangeOptions): Endpoint => ({
  handler: async (req) => {
    const user = req.user
    if (!user) {
      throw new Forbidden(req.t)
    }
    const scope = (req.searchParams.get('scope') ?? 'export') as Scope
    if (!LEVERAGE_SCOPES.includes(scope)) {
      throw new APIError(ERRORS.leverageWrongScope(LEVERAGE_SCOPES), 400, undefined, true)
    }
    // Costs for editors only, as the rates are theirs (operations/leverage.ts, leverageRatesField).
    const rates = options.access.isEditor(user) ? await readLeverageRates(options, req) : null
    return Response.json(await ANALYSES[scope](options, req, user, rates))
  },
  method: 'get',
  path: LEVERAGE_ENDPOINTS.leverage,
})
