import type { CollectionSlug, Field, Payload, PayloadRequest, TaskConfig } from 'payload'

import type { ResolvedTranslationWorkflowOptions } from '../types'

import { BACKFILL_TASK_SLUG } from '../constants'
import { createTasks } from '../hooks/createTranslationTasksAfterChange'
import { loadSource } from '../utilities/loadSource'
import { recordSource } from '../utilities/sourceRecord'

/**
 * Creates the tasks documents lack: those that existed before the plugin was added, and every
 * document of a target locale added later. Idempotent: a document × locale that has its task is
 * left alone. Returns how many tasks it created.
 */
const backfill = async (
  options: ResolvedTranslationWorkflowOptions,
  fieldsOf: Record<string, Field[]>,
  req: PayloadRequest,
): Promise<number> => {
  const payload = req.payload
  let created = 0
  for (const collection of options.collections) {
    const [documents, tasks] = await Promise.all([
      payload.find({
        collection,
        depth: 0,
        overrideAccess: true,
        pagination: false,
        req,
        select: {} as never,
      }),
      payload.find({
        collection: options.slugs.tasks,
        depth: 0,
        overrideAccess: true,
        pagination: false,
        req,
        select: { documentId: true, locale: true } as never,
        where: { targetCollection: { equals: collection } },
      }),
    ])
    const existing = new Set(
      (tasks.docs as unknown as Array<{ documentId: string; locale: string }>).map(
        ({ documentId, locale }) => `${documentId}\u0000${locale}`,
      ),
    )
    for (const { id } of documents.docs as unknown as Array<{ id: number | string }>) {
      const missing = options.targetLocales.filter((locale) => !existing.has(`${String(id)}\u0000${locale}`))
      if (missing.length === 0) {
        continue
      }
      const source = await loadSource(options, req, collection, id)
      await createTasks(options, req, collection, id, recordSource(fieldsOf[collection] ?? [], source ?? {}), missing)
      created += missing.length
    }
  }
  return created
}

/** The backfill as a job, so that a large one never holds up a server's start. */
export const backfillTask = (
  options: ResolvedTranslationWorkflowOptions,
  fieldsOf: Record<string, Field[]>,
): TaskConfig<{ input: Record<string, never>; output: { created: number } }> => ({
  slug: BACKFILL_TASK_SLUG,
  handler: async ({ req }) => ({ output: { created: await backfill(options, fieldsOf, req) } }),
  inputSchema: [],
  outputSchema: [{ name: 'created', type: 'number' }],
})

/**
 * At start: when any document lacks a task (fewer tasks than documents × target locales, two counts
 * per collection), queue the backfill unless one is already waiting.
 */
export const queueBackfillWhenTasksAreMissing = async (options: ResolvedTranslationWorkflowOptions, payload: Payload): Promise<boolean> => {
  let missing = false
  for (const collection of options.collections) {
    const [documents, tasks] = await Promise.all([
      payload.count({ collection, overrideAccess: true }),
      payload.count({
        collection: options.slugs.tasks,
        overrideAccess: true,
        where: { targetCollection: { equals: collection } },
      }),
    ])
    missing ||= tasks.totalDocs < documents.totalDocs * options.targetLocales.length
  }
  if (!missing) {
    return false
  }
  const waiting = await payload.count({
    collection: 'payload-jobs' as CollectionSlug,
    overrideAccess: true,
    where: { and: [{ taskSlug: { equals: BACKFILL_TASK_SLUG } }, { completedAt: { exists: false } }] },
  })
  if (waiting.totalDocs === 0) {
    await payload.jobs.queue({ input: {} as never, task: BACKFILL_TASK_SLUG as never })
  }
  return true
}
