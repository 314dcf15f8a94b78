import type { Payload, PayloadRequest, TypedLocale } from 'payload'

import { createLocalReq } from 'payload'

import type { InterchangeUser, ResolvedTranslationInterchangeOptions } from '../types'
import type { DocumentWrite } from '../utilities/importPlan'

import { inTransaction } from '../../shared'
import { recordSource } from '../../translation-workflow'
import { submitFindings } from '../../translation-workflow'
import { holdsOpenTask } from '../access/exchange'
import { ERRORS } from '../constants'
import { fieldsOfCollection, isExchanged, readAsSystem, readDocuments, type StoredTask } from './documents'

/** One planned document write and the task it was accepted through (none for an editor's). */
export type ImportWrite = DocumentWrite & { taskId: null | number | string }

export type KeptInProgress = Array<{ document: string; message: string }>

/** A journal entry as applyJournal reads it (collections/ImportJournal.ts). */
export type Journal = { id: number | string; locale: string; uploader: { collection: string; id: number | string }; writes: ImportWrite[] }

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
      // Planned for a translated collection; one the workflow no longer translates (the config
      // changed before a resume) is not written to at all.
      if (!isExchanged(options, write.collection)) {
        throw new Error(`${ERRORS.unknownDocument} (${write.collection}/${write.documentId})`)
      }
      await req.payload.update({
        id: write.documentId,
        collection: write.collection,
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
              collection: options.tasksCollection,
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
        collection: options.tasksCollection,
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
      collection: options.slugs.importJournal,
      data: { keptInProgress, state: 'applied' } as never,
      depth: 0,
      // The journal is the system's record: nobody may write it, not even the uploader.
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
  // At start, with nobody signed in: the system finishing its own record.
  const journals = await readAsSystem<Journal>(
    await createLocalReq({}, payload),
    options.slugs.importJournal,
    { state: { equals: 'pending' } },
    { sort: 'createdAt' },
  )
  for (const journal of journals) {
    try {
      const uploaders = payload.config.collections.find(({ slug }) => slug === journal.uploader.collection)
      if (!uploaders?.auth) {
        throw new Error(`The uploader's collection "${journal.uploader.collection}" is not an auth collection of this config.`)
      }
      const user = await payload.findByID({
        id: journal.uploader.id,
        collection: uploaders.slug,
        depth: 0,
        // Who uploaded, to make the writes again as them; their rights were checked at upload.
        overrideAccess: true,
      })
      const req = await createLocalReq({ user: { ...user, collection: journal.uploader.collection } as never }, payload)
      await applyJournal(options, req, journal, { resuming: true })
      payload.logger.info({ journal: journal.id, msg: 'XLIFF import resumed and completed after a restart' })
    } catch (error) {
      payload.logger.error({ err: error, journal: journal.id, msg: 'XLIFF import left pending could not be completed' })
      await payload.update({
        id: journal.id,
        collection: options.slugs.importJournal,
        data: { failure: error instanceof Error ? error.message : String(error), state: 'failed' } as never,
        // The journal is the system's record (see above).
        overrideAccess: true,
      })
    }
  }
  return journals.length
}
