import type { PayloadRequest } from 'payload'

import { APIError, Forbidden, NotFound } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'
import type { ExchangedTask, StoredTask } from './documents'

import { isExchangedTask } from './documents'

/**
 * The task named by `?task=<id>`, read as the signed-in user: a task they may not read is "not
 * found", so an id says nothing about tasks outside their locales.
 */
export async function readableTaskFromQuery(req: PayloadRequest, options: ResolvedTranslationInterchangeOptions): Promise<ExchangedTask> {
  const user = req.user
  if (!user) {
    throw new Forbidden(req.t)
  }
  const id = req.searchParams.get('task')
  if (!id) {
    throw new APIError('Give "task", the id of a translation task.', 400, undefined, true)
  }
  const task = (await req.payload
    .findByID({ id, collection: options.tasksCollection, depth: 0, overrideAccess: false, req, user })
    .catch(() => null)) as null | StoredTask
  if (!isExchangedTask(options, task)) {
    throw new NotFound(req.t)
  }
  return task
}
