import type { Field, PayloadRequest, TypedLocale } from 'payload'

import { APIError, Forbidden, NotFound } from 'payload'

import type { ResolvedTranslationWorkflowOptions, TranslationWorkflowContract } from '../types'
import type { StoredTask } from '../utilities/storedTask'

import { inTransaction, relationId } from '../../shared'
import { mayReview } from '../access/taskAccess'
import { planTransition, type Transition } from '../utilities/transitions'
import { translatedCollection } from '../utilities/translatedCollection'
import { notify } from './notify'
import { findPeople } from './records'
import { currentSourceRecord } from './source'
import { runSubmitChecks } from './submitChecks'

type Id = number | string

/** Reviewers to tell: the task's named reviewer, else every other translator of its locale. */
const reviewersOf = async (
  options: ResolvedTranslationWorkflowOptions,
  req: PayloadRequest,
  task: StoredTask,
  translator: Id,
): Promise<Id[]> => {
  const named = relationId(task.reviewer)
  if (named !== null) {
    return [named]
  }
  const people = await findPeople(options, req)
  return people
    .filter((person) => String(person.id) !== String(translator) && options.access.isTranslatorFor(person, task.locale))
    .map((person) => person.id)
}

/**
 * Publishes the approved locale only (Payload's per-locale publish merges that locale of the latest
 * draft into the last published version), unless a publish guard (`publishGuards` of the contract,
 * e.g. the phase gate's) holds that locale back; then the task stays approved, records why, and the
 * guard's plugin publishes approved locales when it lets them through.
 */
const publishApprovedLocale = async (
  options: ResolvedTranslationWorkflowOptions,
  req: PayloadRequest,
  task: StoredTask,
): Promise<{ publishBlockedReason: null | string; publishedAt: null | string }> => {
  const collection = translatedCollection(options, task.targetCollection)
  if (!collection) {
    // A task outlives its collection's removal from `collections`: there is nothing to publish it into.
    return { publishBlockedReason: `${task.targetCollection} is no longer translated.`, publishedAt: null }
  }
  const { publishGuards } = req.payload.config.custom?.translationWorkflow as TranslationWorkflowContract
  let reason: null | string = null
  // One after another, the first refusal wins: guards read on this request, in its transaction.
  for (const guard of publishGuards) {
    reason = await guard({ id: task.documentId, collection: task.targetCollection, locale: task.locale, req })
    if (reason) {
      break
    }
  }
  if (reason) {
    return { publishBlockedReason: reason, publishedAt: null }
  }
  await req.payload.update({
    id: task.documentId,
    collection,
    data: { _status: 'published' },
    depth: 0,
    locale: task.locale as TypedLocale,
    // The reviewer was allowed to approve; publishing the approved text is the workflow's own act.
    overrideAccess: true,
    publishSpecificLocale: task.locale,
    req,
  })
  return { publishBlockedReason: null, publishedAt: new Date().toISOString() }
}

const describe = (task: StoredTask) => `${task.targetCollection} ${task.documentId} (${task.locale})`

/**
 * Moves a task through one transition: the only way a task's status moves. The task is read as
 * the caller (a translator reaches only their locales' tasks), the rule in utilities/transitions.ts
 * decides, and the change, the publish of an approval and the task's record happen in one
 * transaction. Refusals throw with the rule's HTTP status and message; a submit is refused (400) when
 * a registered submit check (`config.custom.translationWorkflow.submitChecks`) finds an error.
 */
export const runTransition = async (
  options: ResolvedTranslationWorkflowOptions,
  fieldsOf: Record<string, Field[]>,
  req: PayloadRequest,
  action: Transition,
  id: Id,
  comment?: string,
) => {
  const user = req.user
  if (!user) {
    throw new Forbidden(req.t)
  }
  const slug = options.slugs.tasks
  const task = (await req.payload
    .findByID({ id, collection: slug, depth: 0, overrideAccess: false, req, user })
    .catch(() => null)) as null | StoredTask
  if (!task) {
    throw new NotFound(req.t)
  }
  const plan = planTransition(
    action,
    { assignee: relationId(task.assignee), status: task.status, translatedBy: relationId(task.translatedBy) },
    {
      id: user.id,
      isEditor: options.access.isEditor(user),
      mayReview: mayReview(options, user, task.locale),
      translates: options.access.isTranslatorFor(user, task.locale),
    },
    comment,
  )
  if (!plan.ok) {
    throw new APIError(plan.message, plan.status, undefined, true)
  }
  if (action === 'submit') {
    // Before anything changes: a check's error (an untranslated field, a changed phone number)
    // refuses the submit and leaves the task as it was.
    await runSubmitChecks(req, task)
  }
  const now = new Date().toISOString()
  const doc = await inTransaction(req, async () => {
    let data: Record<string, unknown> = { ...plan.data }
    if (action === 'submit') {
      // The translator has seen the source as it is now (with any changes highlighted): the
      // translation is from now on measured against it.
      const source = await currentSourceRecord(options, fieldsOf, req, task.targetCollection, task.documentId)
      data = { ...data, ...source, changedFields: null, submittedAt: now }
    } else if (action === 'approve') {
      data = { ...data, approvedAt: now, ...(await publishApprovedLocale(options, req, task)) }
    } else if (action === 'return') {
      data = { ...data, reviewComments: [...(task.reviewComments ?? []), { at: now, author: user.id, comment: comment?.trim() }] }
    }
    return (await req.payload.update({
      id,
      collection: slug,
      data,
      depth: 0,
      overrideAccess: true,
      req,
    }))
  })
  if (action === 'submit') {
    await notify(options, req, {
      kind: 'review-requested',
      subject: `Review requested: ${describe(task)}`,
      text: `A ${task.locale} translation of ${describe(task)} awaits your review.`,
      userIds: await reviewersOf(options, req, task, user.id),
    })
  } else if (action === 'return') {
    const translator = relationId(task.translatedBy) ?? relationId(task.assignee)
    await notify(options, req, {
      kind: 'returned',
      subject: `Translation returned: ${describe(task)}`,
      text: `Your ${task.locale} translation of ${describe(task)} was returned with this comment:\n\n${comment?.trim()}`,
      userIds: translator === null ? [] : [translator],
    })
  }
  return doc
}
