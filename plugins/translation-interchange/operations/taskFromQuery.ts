import type { CollectionSlug, PayloadRequest } from 'payload'

import { APIError, Forbidden, NotFound } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'
import type { StoredTask } from './documents'

/**
 * The task named by `?task=<id>`, read as the signed-in user: a task they may not read is "not
 * found", so an id says nothing about tasks outside their locales.
 */
export async function readableTaskFromQuery(req: PayloadRequest, options: ResolvedTranslationInterchangeOptions): Promise<StoredTask> {
  const user = req.user
  if (!user) {
    throw new Forbidden(req.t)
  }
  const id = req.searchParams.get('task')
  if (!id) {
    throw new APIError('Give "task", the id of a translation task.', 400, undefined, true)
  }
  const task = (await req.payload
    .findByID({ id, collection: options.tasksCollection as CollectionSlug, depth: 0, overrideAccess: false, req, user })
    .catch(() => null)) as null | StoredTask
  if (!task || !options.collections.includes(task.targetCollection)) {
    throw new NotFound(req.t)
  }
  return task
}
