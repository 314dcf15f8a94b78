import type { PayloadRequest, SelectType, Where } from 'payload'

import type { NOTIFICATIONS_OFF_FIELD } from '../constants'
import type { ResolvedTranslationWorkflowOptions, WorkflowUser } from '../types'
import type { SourceRecord } from '../utilities/sourceRecord'
import type { StoredTask } from '../utilities/storedTask'

/**
 * Every task that matches, unpaged. Read as the system (the workflow's own bookkeeping) unless
 * `user` is given, then as that user, under the tasks' read rule. The tasks collection's slug is
 * an option, so Payload's generated types cannot know its documents: they are typed here, once.
 */
export const findTasks = async <Task = StoredTask>(
  options: ResolvedTranslationWorkflowOptions,
  req: PayloadRequest,
  query: { select?: SelectType; user?: WorkflowUser; where?: Where },
): Promise<Task[]> => {
  const { docs } = await req.payload.find({
    collection: options.slugs.tasks,
    depth: 0,
    overrideAccess: !query.user,
    pagination: false,
    req,
    select: query.select,
    user: query.user,
    where: query.where,
  })
  return docs as unknown as Task[]
}

/** A person of the users collection as the workflow reads them: as the role predicates expect, with their e-mail settings. */
export type WorkflowPerson = WorkflowUser & { email?: string; [NOTIFICATIONS_OFF_FIELD]?: null | string[] }

/**
 * The people of the users collection that match, read as the system. Each carries its
 * `collection`, as Payload's `req.user` does, so that the project's role predicates judge them as
 * they would the signed-in user.
 */
export const findPeople = async (options: ResolvedTranslationWorkflowOptions, req: PayloadRequest, where?: Where): Promise<WorkflowPerson[]> => {
  const { docs } = await req.payload.find({
    collection: options.usersCollection,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    where,
  })
  return docs.map((doc) => ({ ...doc, collection: options.usersCollection }) as WorkflowPerson)
}

/** Creates `untranslated` tasks for a document in the given locales, recording its source as it is now. */
export const createTasks = async (
  options: ResolvedTranslationWorkflowOptions,
  req: PayloadRequest,
  collection: string,
  id: number | string,
  record: SourceRecord,
  locales: readonly string[],
): Promise<void> => {
  for (const locale of locales) {
    // System action: tasks are the workflow's own records; whoever created the document (an
    // editor, a seed script) has not and need not have the right to create tasks.
    await req.payload.create({
      collection: options.slugs.tasks,
      data: { documentId: String(id), locale, ...record, status: 'untranslated', targetCollection: collection } as never,
      overrideAccess: true,
      req,
    })
  }
}
