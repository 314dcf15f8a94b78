import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { IndexContext, IndexedCollection } from '../operations/indexDocument'

import { indexDocument, unindexDocument } from '../operations/indexDocument'

/**
 * Every write of a searched document (create, save, publish in one or all locales, unpublish,
 * restore, a bulk update by `where`) passes here, in the write's own transaction: the index changes
 * with the published text or not at all, and a search after the write's response sees it.
 */
export const indexAfterChange =
  (collection: IndexedCollection, context: IndexContext): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    await indexDocument(req, collection, (doc as { id: number | string }).id, context)
    return doc
  }

export const unindexAfterDelete =
  (collection: IndexedCollection, context: IndexContext): CollectionAfterDeleteHook =>
  async ({ id, req }) => {
    await unindexDocument(req, collection.slug, id, context)
  }
