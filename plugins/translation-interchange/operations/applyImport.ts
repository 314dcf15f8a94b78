import type { CollectionSlug, Payload, PayloadRequest, TypedLocale } from 'payload'

import { createLocalReq } from 'payload'

import type { InterchangeUser, ResolvedTranslationInterchangeOptions } from '../types'
import type { DocumentWrite } from '../utilities/importPlan'

import { inTransaction, relationId } from '../../shared'
import { WRITABLE_STATUSES } from '../../translation-workflow'
import { recordSource } from '../../translation-workflow'
import { submitFindings } from '../../translation-workflow'
import { ERRORS, IMPORT_JOURNAL_SLUG } from '../constants'
import { fieldsOfCollection, readDocuments, type StoredTask } from './documents'

/** One planned document write and the task it was accepted through (none for an editor's). */
export type ImportWrite = DocumentWrite & { taskId: null | number | string }

export type KeptInProgress = Array<{ document: string; message: string }>

type Journal = { id: number | string; locale: string; uploader: { collection: string; id: number | string }; writes: ImportWrite[] }

/** A translator writes through an open task of their own; an editor writes any document. */
export const holdsOpenTask = (user: InterchangeUser, task: null | StoredTask): boolean =>
  Boolean(task) &&
  String(relationId(task?.assignee)) === String(user.id) &&
  (WRITABLE_STATUSES as readonly string[]).includes(String(task?.status))

/**
 * Makes a journal's writes and marks it applied, in one transaction where the database has them
 * (MongoDB replica sets). Safe to run again on a journal a dead process left half-done: each
 * document write sets the same values again, and a task already sent to review is not sent twice.
 * `resuming`: the uploader's access was checked when the journal was written; a resumed write must
 * not fail because the first run already moved their task on, so it skips access (hooks still run,
 * as the uploader).
 */
export const applyJournal = async (
  options: ResolvedTranslationInterchangeOptions,
  req: PayloadRequest,
  journal: Journal,
  { resuming }: { resuming: boolean },
): Promise<KeptInProgress> => {
  const user = req.user as InterchangeUser
  const keptInProgress: KeptInProgress = []
  return inTransaction(req, async () => {
    const now = new Date().toISOString()
    for (const write of journal.writes) {
      await req.payload.update({
        id: write.documentId,
        collection: write.collection as CollectionSlug,
        data: write.data as never,
        depth: 0,
        draft: true,
        locale: journal.locale as TypedLocale,
        overrideAccess: resuming,
        req,
        user,
      })
      const task =
        write.taskId === null
          ? null
          : // A system read: whether the uploader still holds this task is checked just below.
            ((await req.payload.findByID({
              id: write.taskId,
              collection: options.tasksCollection as CollectionSlug,
              depth: 0,
              disableErrors: true,
              overrideAccess: true,
              req,
            })) as unknown as null | StoredTask)
      if (options.statusAfterImport !== 'in-review' || !task || !holdsOpenTask(user, task)) {
        continue
      }
      // As the workflow's submit would: a document the file left with an untranslated field (or
      // another submit check's error) is written, but its task stays with the translator.
      const errors = (await submitFindings(req, task)).filter((finding) => finding.level === 'error')
      if (errors.length > 0) {
        keptInProgress.push({ document: `${write.collection}/${write.documentId}`, message: ERRORS.notSubmitted(errors) })
        continue
      }
      const [source] = (await readDocuments(req, write.collection, [write.documentId], options.sourceLocale)).values()
      await req.payload.update({
        id: task.id,
        collection: options.tasksCollection as CollectionSlug,
        data: {
          ...recordSource(fieldsOfCollection(req, write.collection), source ?? {}),
          changedFields: null,
          status: 'in-review',
          submittedAt: now,
          translatedBy: user.id,
        } as never,
        depth: 0,
        // The workflow's own step, as its submit endpoint takes it: the uploader held the task.
        overrideAccess: true,
        req,
      })
    }
    await req.payload.update({
      id: journal.id,
      collection: IMPORT_JOURNAL_SLUG as CollectionSlug,
      data: { keptInProgress, state: 'applied' } as never,
      depth: 0,
      overrideAccess: true,
      req,
    })
    return keptInProgress
  })
}

/**
 * Finishes every import a dead process left pending (run at start, `onInit`). One that cannot be
 * finished (its document was deleted since) is marked failed and logged, never retried in a loop.
 */
export const resumePendingImports = async (options: ResolvedTranslationInterchangeOptions, payload: Payload): Promise<number> => {
  const { docs } = await payload.find({
    collection: IMPORT_JOURNAL_SLUG as CollectionSlug,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    sort: 'createdAt',
    where: { state: { equals: 'pending' } },
  })
  for (const journal of docs as unknown as Journal[]) {
    try {
      const user = await payload.findByID({
        id: journal.uploader.id,
        collection: journal.uploader.collection as CollectionSlug,
        depth: 0,
        overrideAccess: true,
      })
      const req = await createLocalReq({ user: { ...user, collection: journal.uploader.collection } as never }, payload)
      await applyJournal(options, req, journal, { resuming: true })
      payload.logger.info({ journal: journal.id, msg: 'XLIFF import resumed and completed after a restart' })
    } catch (error) {
      payload.logger.error({ err: error, journal: journal.id, msg: 'XLIFF import left pending could not be completed' })
      await payload.update({
        id: journal.id,
        collection: IMPORT_JOURNAL_SLUG as CollectionSlug,
        data: { failure: error instanceof Error ? error.message : String(error), state: 'failed' } as never,
        overrideAccess: true,
      })
    }
  }
  return docs.length
}
