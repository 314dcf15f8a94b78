import type { CollectionBeforeDeleteHook } from 'payload'

import type { ResolvedPrintOptions } from '../types'

import { withdrawAll } from '../operations/refreshPrints'

/** A deleted deliverable's prints go with it, in the same transaction, files included. */
export const removePrintsBeforeDelete =
  (options: ResolvedPrintOptions): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    await withdrawAll(req, options, id)
  }
