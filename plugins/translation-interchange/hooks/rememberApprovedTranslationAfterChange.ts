import type { CollectionAfterChangeHook } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'

import { localizedValues } from '../../translation-workflow'
import { fieldsOfCollection, isExchangedTask, readDocuments, type StoredTask } from '../operations/documents'
import { flatten, plainText } from '../utilities/inline'
import { sourceHashOf } from '../utilities/memory'
import { translatableValues } from '../utilities/units'

/**
 * When a task becomes approved, every translated field of its document becomes a memory pair
 * (source text → approved text, with its place as context), unless the same pair is already there.
 * Runs in the approval's transaction: a failed approval remembers nothing.
 */
export const rememberApprovedTranslationAfterChange =
  (options: ResolvedTranslationInterchangeOptions): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    const task = doc as StoredTask
    if (task.status !== 'approved' || (previousDoc as StoredTask | undefined)?.status === 'approved' || !isExchangedTask(options, task)) {
      return doc
    }
    const fields = fieldsOfCollection(req, task.targetCollection)
    const sources = await readDocuments(req, task.targetCollection, [task.documentId], options.sourceLocale)
    const targets = await readDocuments(req, task.targetCollection, [task.documentId], task.locale)
    const source = sources.get(String(task.documentId))
    const target = targets.get(String(task.documentId))
    if (!source || !target) {
      return doc
    }
    const translated = localizedValues(fields, target)
    for (const [path, value] of Object.entries(translatableValues(fields, source))) {
      const sourceText = plainText(flatten(value).content)
      const targetText = plainText(flatten(translated[path]).content)
      const context = `${task.targetCollection}:${path}`
      if (targetText.trim() === '') {
        continue
      }
      const { totalDocs } = await req.payload.count({
        collection: options.slugs.memory,
        // A system action on approval: whoever approved need not be allowed to read the memory.
        overrideAccess: true,
        req,
        where: {
          and: [
            // The indexed hash narrows the check to the same source; the text itself decides.
            { sourceHash: { equals: sourceHashOf(options.sourceLocale, task.locale, sourceText) } },
            { source: { equals: sourceText } },
            { target: { equals: targetText } },
            { context: { equals: context } },
          ],
        },
      })
      if (totalDocs === 0) {
        await req.payload.create({
          collection: options.slugs.memory,
          data: {
            context,
            origin: 'approval',
            source: sourceText,
            sourceLocale: options.sourceLocale,
            target: targetText,
            targetLocale: task.locale,
          } as never,
          // The memory is filled by the workflow's approval, not by the reviewer's own rights.
          overrideAccess: true,
          req,
        })
      }
    }
    return doc
  }
