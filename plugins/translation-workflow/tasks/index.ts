import type { Field, TaskConfig } from 'payload'

import type { ResolvedTranslationWorkflowOptions } from '../types'

import { BACKFILL_TASK_SLUG, CHECK_OUTDATED_TASK_SLUG } from '../constants'
import { backfill } from '../operations/backfill'
import { outdateChangedTasks } from '../operations/checkOutdated'

/** Queued by a source save that changed a localized field (hooks/queueOutdatedCheckAfterChange.ts). */
export const checkOutdatedTask = (
  options: ResolvedTranslationWorkflowOptions,
  fieldsOf: Record<string, Field[]>,
): TaskConfig<{ input: { collection: string; documentId: string }; output: { outdated: number } }> => ({
  slug: CHECK_OUTDATED_TASK_SLUG,
  // A check compares the tasks with the source as it is when the check runs, so of several saves
  // of one document only the last check matters: a new one replaces those still waiting (an
  // editor saving every few seconds queued a check per save, and the queue fell behind). One at a
  // time per document, so two workers never outdate the same task twice or notify twice.
  concurrency: {
    exclusive: true,
    key: ({ input }) => `${CHECK_OUTDATED_TASK_SLUG}:${input.collection}:${input.documentId}`,
    supersedes: true,
  },
  handler: async ({ input, req }) => ({ output: { outdated: await outdateChangedTasks(options, fieldsOf, req, input) } }),
  inputSchema: [
    { name: 'collection', type: 'text', required: true },
    { name: 'documentId', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'outdated', type: 'number' }],
  retries: 2,
})

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
