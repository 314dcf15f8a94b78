import type { CollectionAfterChangeHook } from 'payload'

import type { ResolvedTranslationWorkflowOptions } from '../types'
import type { StoredTask } from '../utilities/storedTask'

import { relationId } from '../../shared'
import { notify } from '../operations/notify'

/** Tells a translator a task was assigned to them by someone else (claiming your own task tells nobody). */
export const notifyAssigneeAfterChange =
  (options: ResolvedTranslationWorkflowOptions): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    const task = doc as StoredTask
    const assignee = relationId(task.assignee)
    if (
      assignee === null ||
      String(assignee) === String(relationId((previousDoc as StoredTask | undefined)?.assignee)) ||
      String(assignee) === String(req.user?.id)
    ) {
      return doc
    }
    await notify(options, req, {
      kind: 'assigned',
      subject: `Translation assigned: ${task.targetCollection} ${task.documentId} (${task.locale})`,
      text: `You have been assigned the ${task.locale} translation of ${task.targetCollection} ${task.documentId}.`,
      userIds: [assignee],
    })
    return doc
  }
