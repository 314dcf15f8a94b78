import type { Field, TaskConfig } from 'payload'

import type { ResolvedTranslationWorkflowOptions } from '../types'
import type { StoredTask } from '../utilities/storedTask'

import { relationId } from '../../shared'
import { CHECK_OUTDATED_TASK_SLUG, OUTDATABLE_STATUSES } from '../constants'
import { loadSource } from '../utilities/loadSource'
import { notify } from '../utilities/notify'
import { changedSourceFields, recordSource } from '../utilities/sourceRecord'
import { translatedCollection } from '../utilities/translatedCollection'

/**
 * Compares every task of one document with its current source, field by field. A task whose
 * translation was made from a source field that has changed since becomes `outdated` and records
 * each changed field with a before/after diff; fields that did not change keep their translation
 * untouched. Untranslated tasks just take the new fingerprints. Runs as the system.
 */
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
  handler: async ({ input, req }) => {
    const collection = translatedCollection(options, input.collection)
    const fields = collection && fieldsOf[collection]
    const source = fields ? await loadSource(options, req, collection, input.documentId) : null
    if (!fields || !source) {
      // The document is gone (its tasks went with it) or no longer translated: nothing to compare.
      return { output: { outdated: 0 } }
    }
    const current = recordSource(fields, source)
    const { docs } = await req.payload.find({
      collection: options.slugs.tasks,
      depth: 0,
      overrideAccess: true,
      pagination: false,
      req,
      where: { and: [{ targetCollection: { equals: input.collection } }, { documentId: { equals: input.documentId } }] },
    })
    const tasks = docs as unknown as StoredTask[]
    // Untranslated tasks have nothing to outdate: they take the new source record, in one write
    // (bookkeeping of the workflow's own fields, which no hook of the tasks collection concerns).
    const untranslated = tasks.filter(({ status }) => status === 'untranslated').map(({ id }) => id)
    if (untranslated.length > 0) {
      await req.payload.db.updateMany({
        collection: options.slugs.tasks,
        data: current,
        req,
        where: { id: { in: untranslated } },
      })
    }
    let outdated = 0
    for (const task of tasks) {
      if (!OUTDATABLE_STATUSES.includes(task.status)) {
        continue
      }
      const changedFields = changedSourceFields(
        { sourceFingerprints: task.sourceFingerprints ?? {}, sourceValues: task.sourceValues ?? {} },
        current,
      )
      if (changedFields.length === 0) {
        continue
      }
      outdated += 1
      await req.payload.update({
        id: task.id,
        collection: options.slugs.tasks,
        data: { changedFields, sourceWordCount: current.sourceWordCount, status: 'outdated' } as never,
        overrideAccess: true,
        req,
      })
      if (task.status === 'approved') {
        const translator = relationId(task.translatedBy) ?? relationId(task.assignee)
        await notify(options, req, {
          kind: 'outdated',
          subject: `Translation outdated: ${input.collection} ${input.documentId} (${task.locale})`,
          text: `The source of your approved ${task.locale} translation changed in: ${changedFields.map(({ path }) => path).join(', ')}.\n\n${changedFields
            .map(({ path, summary }) => `${path}: ${summary}`)
            .join('\n')}`,
          userIds: translator === null ? [] : [translator],
        })
      }
    }
    return { output: { outdated } }
  },
  inputSchema: [
    { name: 'collection', type: 'text', required: true },
    { name: 'documentId', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'outdated', type: 'number' }],
  retries: 2,
})
