import type { CollectionAfterChangeHook } from 'payload'

import type { ResolvedPhaseGateOptions } from '../defaults'

import { gateOfPhase } from '../operations/gates'

/** Every phase has its gate from the start, so editors can fill in the checklist while they work. */
export const createGateAfterPhaseChange =
  (options: ResolvedPhaseGateOptions): CollectionAfterChangeHook =>
  async ({ doc, operation, req }) => {
    if (operation === 'create') {
      await gateOfPhase(req, options, doc.id)
    }
    return doc
  }
