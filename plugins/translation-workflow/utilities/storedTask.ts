import type { Relation } from '../../shared'
import type { TaskStatus } from '../constants'
import type { SourceRecord } from './sourceRecord'

type Id = number | string

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
