import type { CollectionBeforeDeleteHook } from 'payload'

import type { ResolvedPhaseGateOptions } from '../defaults'

import { ERRORS } from '../constants'
import { GateRefusal } from '../errors'

/**
 * A phase whose gate was never reviewed takes its gate with it; one with review rounds keeps its
 * history: the decisions and the log refer to it, so the phase cannot be deleted.
 */
export const removeGateBeforePhaseDelete =
  (options: ResolvedPhaseGateOptions): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    const { totalDocs: rounds } = await req.payload.count({
      collection: options.slugs.rounds,
      overrideAccess: true,
      req,
      where: { phase: { equals: id } },
    })
    if (rounds > 0) {
      throw new GateRefusal(ERRORS.phaseHasReviewHistory, 409)
    }
    await req.payload.delete({ collection: options.slugs.gates, overrideAccess: true, req, where: { phase: { equals: id } } })
  }
