import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { IndexContext, IndexedCollection } from '../operations/indexDocument'

import { indexDocument, unindexDocument } from '../operations/indexDocument'

/**
 * Whether a save left everything the index reads as it was: the searched fields (compared whole, at
 * their top level) and the publication status, in the one locale the save wrote. A bulk update of
 * an unsearched field (a hotline's opening hours) then costs the index nothing.
 */
function searchedUnchanged(collection: IndexedCollection, doc: Record<string, unknown>, previousDoc: Record<string, unknown> | undefined, locale: unknown): boolean {
  if (!previousDoc || locale === 'all' || doc._status !== previousDoc._status) {
    return false
  }
  const topLevel = new Set([collection.title, ...collection.body].map((field) => field.steps[0]!.name))
  return [...topLevel].every((name) => JSON.stringify(doc[name]) === JSON.stringify(previousDoc[name]))
}

/**
 * Every write of a searched document (create, save, publish in one or all locales, unpublish,
 * restore, a bulk update by `where`) passes here, in the write's own transaction: the index changes
 * with the published text or not at all, and a search after the write's response sees it.
 */
export const indexAfterChange =
  (collection: IndexedCollection, context: IndexContext): CollectionAfterChangeHook =>
  async ({ doc, operation, previousDoc, req }) => {
    if (operation === 'update' && searchedUnchanged(collection, doc, previousDoc, req.locale)) {
      return doc
    }
    await indexDocument(req, collection, (doc as { id: number | string }).id, context)
    return doc
  }

export const unindexAfterDelete =
  (collection: IndexedCollection, context: IndexContext): CollectionAfterDeleteHook =>
  async ({ id, req }) => {
    await unindexDocument(req, collection.slug, id, context)
  }
