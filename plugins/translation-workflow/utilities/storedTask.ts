import type { TaskStatus } from '../constants'
import type { SourceRecord } from './sourceRecord'

type Id = number | string

/** A relationship as stored (an id) or populated (a document). */
export type Relation = null | undefined | Id | { id: Id }

/** A task as the workflow reads it back (depth 0). */
export type StoredTask = Partial<SourceRecord> & {
  assignee?: Relation
  documentId: string
  id: Id
  locale: string
  reviewComments?: Array<{ at?: string; author?: Relation; comment: string }> | null
  reviewer?: Relation
  status: TaskStatus
  targetCollection: string
  translatedBy?: Relation
}

export const relationId = (value: Relation): Id | null =>
  value === null || value === undefined ? null : typeof value === 'object' ? value.id : value
