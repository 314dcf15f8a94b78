import type { CollectionAfterDeleteHook } from 'payload'

import type { ResolvedTranslationWorkflowOptions } from '../types'

/** Deleting a document removes its tasks: a translation of nothing is no work. */
export const deleteTranslationTasksAfterDelete =
  (options: ResolvedTranslationWorkflowOptions, collection: string): CollectionAfterDeleteHook =>
  async ({ id, req }) => {
    // System action: the user was allowed to delete the document; its tasks go with it.
    await req.payload.delete({
      collection: options.slugs.tasks,
      overrideAccess: true,
      req,
      where: { and: [{ targetCollection: { equals: collection } }, { documentId: { equals: String(id) } }] },
    })
  }
