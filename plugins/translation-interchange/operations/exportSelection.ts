import type { PayloadRequest, SelectType, Where } from 'payload'

import { APIError } from 'payload'

import type { InterchangeUser, ResolvedTranslationInterchangeOptions } from '../types'
import type { ExchangedTask, StoredTask } from './documents'

import { mayExchange } from '../access/exchange'
import { ERRORS } from '../constants'
import { listParameter, partParameter } from '../endpoints/queryParameters'

/** Which tasks an export's query parameters ask for: one locale, one part, narrowed by the lists. */
export type ExportSelection = { limit: number; locale: string; page: number; where: Where }

/**
 * Reads an export's query (`locale`, `task`, `collection`, `documentId`, `status`, `page`,
 * `limit`): 400 for a wrong parameter, 403 for a locale the user does not exchange. The XLIFF export
 * and the leverage analysis of an export both start here, so an analysis counts exactly the file.
 */
export const parseExportSelection = (
  options: ResolvedTranslationInterchangeOptions,
  user: InterchangeUser,
  params: URLSearchParams,
): ExportSelection => {
  const locale = params.get('locale') ?? ''
  if (!options.targetLocales.includes(locale)) {
    throw new APIError(ERRORS.wrongLocaleParameter(options.targetLocales), 400, undefined, true)
  }
  if (!mayExchange(options, user, locale)) {
    throw new APIError(ERRORS.localeNotHeld(locale), 403, undefined, true)
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
  return { limit, locale, page, where: { and: filters } }
}

/**
 * The selected part's tasks, read as the caller (a translator sees only the tasks of their
 * locales), in task order; 404 when nothing matches or the part does not exist.
 */
export const findExportTasks = async (
  options: ResolvedTranslationInterchangeOptions,
  req: PayloadRequest,
  { limit, page, where }: ExportSelection,
): Promise<{ tasks: ExchangedTask[]; totalDocs: number; totalPages: number }> => {
  const { docs, totalDocs, totalPages } = await req.payload.find({
    collection: options.tasksCollection,
    depth: 0,
    limit,
    overrideAccess: false,
    page,
    req,
    // What an export needs of a task: its document. Whole tasks carry the source record.
    select: { documentId: true, targetCollection: true },
    sort: 'id',
    user: req.user,
    where,
  })
  if (totalDocs === 0) {
    throw new APIError(ERRORS.exportNothing, 404, undefined, true)
  }
  if (page > totalPages) {
    throw new APIError(ERRORS.exportPartMissing(page, totalPages), 404, undefined, true)
  }
  // Of the translated collections only: the query asked for no other.
  return { tasks: docs as unknown as ExchangedTask[], totalDocs, totalPages }
}

/**
 * Every task matching `where` that the caller may read, in task order (whole, or the `select`ed
 * fields): a task outside a translator's locales is as missing as one that does not exist.
 */
export const readTasksAsCaller = async (
  options: ResolvedTranslationInterchangeOptions,
  req: PayloadRequest,
  where: Where,
  select?: SelectType,
): Promise<StoredTask[]> => {
  const { docs } = await req.payload.find({
    collection: options.tasksCollection,
    depth: 0,
    overrideAccess: false,
    pagination: false,
    req,
    ...(select && { select }),
    sort: 'id',
    user: req.user,
    where,
  })
  return docs as unknown as StoredTask[]
}
