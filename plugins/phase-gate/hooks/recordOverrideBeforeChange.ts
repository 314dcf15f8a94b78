import type { CollectionBeforeChangeHook } from 'payload'

import type { ResolvedPhaseGateOptions } from '../defaults'

import { ERRORS } from '../constants'
import { GateRefusal } from '../errors'

/**
 * An administrator's decision override: closes the round (or replaces its decision) with the
 * chosen outcome, recording who, when and the mandatory written reason.
 */
export const recordOverrideBeforeChange =
  (options: ResolvedPhaseGateOptions): CollectionBeforeChangeHook =>
  ({ data, operation, req }) => {
    const override = data.override as undefined | { outcome?: null | string; reason?: null | string }
    if (operation !== 'update' || !override?.outcome) {
      return data
    }
    if (!options.isAdmin(req.user)) {
      throw new GateRefusal(ERRORS.overrideOnlyAdmin, 403)
    }
    const reason = override.reason?.trim()
    if (!reason) {
      throw new GateRefusal(ERRORS.overrideNeedsReason, 400)
    }
    const now = new Date().toISOString()
    return {
      ...data,
      decidedAt: now,
      decidedBecause: 'override',
      decisionReason: 'override',
      outcome: override.outcome,
      override: { at: now, by: req.user!.id, outcome: override.outcome, reason },
      status: 'decided',
    }
  }
