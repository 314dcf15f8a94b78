import type { Field, Payload, PayloadRequest } from 'payload'

import type { ResolvedTranslationWorkflowOptions } from '../types'

import { BACKFILL_TASK_SLUG } from '../constants'
import { createTasks, findTasks } from './records'
import { currentSourceRecord } from './source'

/**
 * Creates the tasks documents lack: those that existed before the plugin was added, and every
 * document of a target locale added later. Idempotent: a document × locale that has its task is
 * left alone. Returns how many tasks it created.
 */
export const backfill = async (
  options: ResolvedTranslationWorkflowOptions,
  fieldsOf: Record<string, Field[]>,
  req: PayloadRequest,
): Promise<number> => {
  let created = 0
  for (const collection of options.collections) {
    const [documents, tasks] = await Promise.all([
      req.payload.find({ collection, depth: 0, overrideAccess: true, pagination: false, req, select: {} }),
      findTasks<{ documentId: string; locale: string }>(options, req, {
        select: { documentId: true, locale: true },
        where: { targetCollection: { equals: collection } },
      }),
    ])
    const existing = new Set(tasks.map(({ documentId, locale }) => `${documentId}\u0000${locale}`))
    for (const { id } of documents.docs) {
      const missing = options.targetLocales.filter((locale) => !existing.has(`${String(id)}\u0000${locale}`))
      if (missing.length === 0) {
        continue
      }
      const record = await currentSourceRecord(options, fieldsOf, req, collection, id)
      if (!record) {
        // Deleted since it was listed: its tasks would describe nothing.
        continue
      }
      await createTasks(options, req, collection, id, record, missing)
      created += missing.length
    }
  }
  return created
}

/**
 * At start: when any document lacks a task (fewer tasks than documents × target locales, two counts
 * per collection), queue the backfill unless one is already waiting.
 */
export const queueBackfillWhenTasksAreMissing = async (options: ResolvedTranslationWorkflowOptions, payload: Payload): Promise<boolean> => {
  let missing = false
  for (const collection of options.collections) {
    const [documents, tasks] = await Promise.all([
      payload.count({ collection, overrideAccess: true }),
      payload.count({ collection: options.slugs.tasks, overrideAccess: true, where: { targetCollection: { equals: collection } } }),
    ])
    missing ||= tasks.totalDocs < documents.totalDocs * options.targetLocales.length
  }
  if (!missing) {
    return false
  }
  const waiting = await payload.count({
    collection: 'payload-jobs',
    overrideAccess: true,
    where: { and: [{ taskSlug: { equals: BACKFILL_TASK_SLUG } }, { completedAt: { exists: false } }] },
  })
  if (waiting.totalDocs === 0) {
    await payload.jobs.queue({ input: {}, task: BACKFILL_TASK_SLUG })
  }
  return true
}
