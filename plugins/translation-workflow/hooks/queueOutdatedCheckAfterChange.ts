import type { CollectionAfterChangeHook, Field } from 'payload'

import type { ResolvedTranslationWorkflowOptions } from '../types'

import { CHECK_OUTDATED_TASK_SLUG } from '../constants'
import { changedFieldPaths, fingerprintFields } from '../utilities/fingerprint'
import { localizedValues } from '../utilities/localizedValues'

/**
 * Saving the source locale with a changed localized field queues one job that compares the
 * document's tasks with the new source (operations/checkOutdated.ts). The save itself only fingerprints
 * the document before and after, so a bulk update of hundreds of documents stays fast and the
 * comparisons run in the jobs queue.
 */
export const queueOutdatedCheckAfterChange =
  (options: ResolvedTranslationWorkflowOptions, collection: string, fields: Field[]): CollectionAfterChangeHook =>
  async ({ doc, operation, previousDoc, req }) => {
    if (operation !== 'update' || req.locale !== options.sourceLocale) {
      return doc
    }
    const before = fingerprintFields(localizedValues(fields, (previousDoc ?? {}) as Record<string, unknown>))
    const after = fingerprintFields(localizedValues(fields, doc as Record<string, unknown>))
    if (changedFieldPaths(before, after).length > 0) {
      await req.payload.jobs.queue({
        input: { collection, documentId: String((doc as { id: number | string }).id) },
        req,
        task: CHECK_OUTDATED_TASK_SLUG,
      })
    }
    return doc
  }
