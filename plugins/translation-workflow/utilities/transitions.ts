import { CLAIMABLE_STATUSES, ERRORS, type TaskStatus, WRITABLE_STATUSES } from '../constants'

export const TRANSITIONS = ['claim', 'unclaim', 'submit', 'approve', 'return'] as const

export type Transition = (typeof TRANSITIONS)[number]

type Id = number | string

/** Who acts, as far as the rules care. */
export type Actor = { id: Id; isEditor: boolean; mayReview: boolean; translates: boolean }

/** The task as far as the rules care. */
export type TaskState = { assignee: Id | null; status: TaskStatus; translatedBy: Id | null }

export type TransitionPlan =
  | { data: { assignee?: Id | null; reviewer?: Id; status?: TaskStatus; translatedBy?: Id }; ok: true }
  | { message: string; ok: false; status: 400 | 403 | 409 }

const same = (a: Id | null, b: Id | null): boolean => a !== null && b !== null && String(a) === String(b)

const refuse = (status: 400 | 403 | 409, message: string): TransitionPlan => ({ message, ok: false, status })

const reviewRefusal = (task: TaskState, actor: Actor, action: Transition): null | TransitionPlan => {
  if (!actor.mayReview) {
    return refuse(403, ERRORS.notReviewer)
  }
  if (task.status !== 'in-review') {
    return refuse(409, ERRORS.wrongStatus(action, task.status))
  }
  if (same(task.translatedBy, actor.id) || same(task.assignee, actor.id)) {
    return refuse(403, ERRORS.selfReview)
  }
  return null
}

/**
 * What a transition changes on a task, or why it is refused (HTTP status and message). Pure: the
 * endpoints load the task and the actor, then apply the plan.
 */
export const planTransition = (action: Transition, task: TaskState, actor: Actor, comment?: string): TransitionPlan => {
  switch (action) {
    case 'claim':
      if (!actor.translates) {
        return refuse(403, ERRORS.notTranslator)
      }
      if (task.assignee !== null) {
        return refuse(409, ERRORS.claimTaken)
      }
      if (!CLAIMABLE_STATUSES.includes(task.status)) {
        return refuse(409, ERRORS.wrongStatus(action, task.status))
      }
      return { data: { assignee: actor.id, status: task.status === 'untranslated' ? 'in-progress' : task.status }, ok: true }
    case 'unclaim':
      if (!same(task.assignee, actor.id) && !actor.isEditor) {
        return refuse(403, ERRORS.notAssignee)
      }
      if (!WRITABLE_STATUSES.includes(task.status)) {
        return refuse(409, ERRORS.wrongStatus(action, task.status))
      }
      return { data: { assignee: null }, ok: true }
    case 'submit':
      if (!same(task.assignee, actor.id)) {
        return refuse(403, ERRORS.notAssignee)
      }
      if (!WRITABLE_STATUSES.includes(task.status)) {
        return refuse(409, ERRORS.wrongStatus(action, task.status))
      }
      return { data: { status: 'in-review', translatedBy: actor.id }, ok: true }
    case 'approve':
      return reviewRefusal(task, actor, action) ?? { data: { reviewer: actor.id, status: 'approved' }, ok: true }
    case 'return': {
      const refusal = reviewRefusal(task, actor, action)
      if (refusal) {
        return refusal
      }
      if (!comment?.trim()) {
        return refuse(400, ERRORS.commentsRequired)
      }
      return { data: { reviewer: actor.id, status: 'returned' }, ok: true }
    }
  }
}
