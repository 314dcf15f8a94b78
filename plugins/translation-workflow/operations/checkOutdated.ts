import type { Field, PayloadRequest } from 'payload'

import type { ResolvedTranslationWorkflowOptions } from '../types'

import { relationId } from '../../shared'
import { OUTDATABLE_STATUSES } from '../constants'
import { changedSourceFields } from '../utilities/sourceRecord'
import { notify } from './notify'
import { findTasks } from './records'
import { currentSourceRecord } from './source'

/**
 * Compares every task of one document with its current source, field by field. A task whose
 * translation was made from a source field that has changed since becomes `outdated` and records
 * each changed field with a before/after diff; fields that did not change keep their translation
 * untouched. Untranslated tasks just take the new fingerprints. Runs as the system; returns how
 * many tasks it outdated.
 */
export const outdateChangedTasks = async (
  options: ResolvedTranslationWorkflowOptions,
  fieldsOf: Record<string, Field[]>,
  req: PayloadRequest,
  input: { collection: string; documentId: string },
): Promise<number> => {
  const current = await currentSourceRecord(options, fieldsOf, req, input.collection, input.documentId)
  if (!current) {
    // The document is gone (its tasks went with it) or no longer translated: nothing to compare.
    return 0
  }
  const tasks = await findTasks(options, req, {
    where: { and: [{ targetCollection: { equals: input.collection } }, { documentId: { equals: input.documentId } }] },
  })
  // Untranslated tasks have nothing to outdate: they take the new source record, in one write
  // (bookkeeping of the workflow's own fields, which no hook of the tasks collection concerns).
  const untranslated = tasks.filter(({ status }) => status === 'untranslated').map(({ id }) => id)
  if (untranslated.length > 0) {
    await req.payload.db.updateMany({ collection: options.slugs.tasks, data: current, req, where: { id: { in: untranslated } } })
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
      data: { changedFields, sourceWordCount: current.sourceWordCount, status: 'outdated' },
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
  return outdated
}
