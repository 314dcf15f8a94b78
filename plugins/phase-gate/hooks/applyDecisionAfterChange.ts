import type { CollectionAfterChangeHook } from 'payload'

import type { ResolvedPhaseGateOptions } from '../defaults'
import type { DecidedRound } from '../operations/decision'

import { carryOutDecision } from '../operations/decision'

/**
 * An administrator's override is carried out like any decision (`operations/decision.ts`). Decisions
 * by the quorum rule are written by `settleRound` through the adapter and carried out there.
 */
export const applyDecisionAfterChange =
  (options: ResolvedPhaseGateOptions): CollectionAfterChangeHook =>
  async ({ doc, operation, previousDoc, req }) => {
    const round = doc as DecidedRound
    if (operation !== 'update' || round.status !== 'decided' || round.decidedAt === previousDoc?.decidedAt) {
      return doc
    }
    await carryOutDecision(req, options, round, { replaced: previousDoc?.outcome })
    return doc
  }
