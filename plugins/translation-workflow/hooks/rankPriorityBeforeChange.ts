import type { CollectionBeforeChangeHook } from 'payload'

import { PRIORITY_RANK, type TaskPriority } from '../constants'

/** Keeps `priorityRank` in step with `priority`, so that queues sort by it in the database. */
export const rankPriorityBeforeChange: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const priority = (data.priority ?? originalDoc?.priority ?? 'normal') as TaskPriority
  return { ...data, priorityRank: PRIORITY_RANK[priority] ?? PRIORITY_RANK.normal }
}
