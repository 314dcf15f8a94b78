import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import type { ResolvedPhaseGateOptions } from '../defaults'

import { ERRORS } from '../constants'
import { GateRefusal } from '../errors'
import { appendGateEvent } from '../operations/events'
import { gateOfPhase, phaseName } from '../operations/gates'
import { latestContent } from '../operations/snapshot'

export const SEQUENCE_OVERRIDE_FIELD = 'gateOverrideReason'

type WriteArgs = { data?: Record<string, unknown>; id?: number | string; overrideAccess?: boolean; req: PayloadRequest }

/**
 * Phase N + 1 becomes active only once phase N's gate decided `go`. An administrator may activate
 * it anyway by giving a reason in `gateOverrideReason` (a virtual field, never stored); the
 * override goes into the decision log.
 */
export const enforcePhaseSequenceBeforeOperation =
  (options: ResolvedPhaseGateOptions): CollectionBeforeOperationHook =>
  async ({ args, operation, req }) => {
    const write = args as WriteArgs
    const { active, field } = options.phases.status
    if ((operation !== 'create' && operation !== 'update') || write.overrideAccess || write.data?.[field] !== active) {
      return args
    }
    const stored = write.id === undefined ? null : await latestContent(req, options.phases.slug, write.id, undefined)
    if (stored?.[field] === active) {
      return args
    }
    const order = Number(write.data?.[options.phases.orderField] ?? stored?.[options.phases.orderField])
    const { docs } = await req.payload.find({
      collection: options.phases.slug,
      depth: 0,
      draft: true,
      limit: 1,
      overrideAccess: true,
      req,
      where: { [options.phases.orderField]: { equals: order - 1 } },
    })
    const previous = docs[0]
    if (!previous) {
      return args
    }
    const gate = await gateOfPhase(req, options, previous.id)
    if (gate.decision === 'go') {
      return args
    }
    const reason = String(write.data?.[SEQUENCE_OVERRIDE_FIELD] ?? '').trim()
    if (!reason || !options.isAdmin(req.user)) {
      throw new GateRefusal(ERRORS.sequenceBlocked(await phaseName(req, options, previous.id), gate.decision ?? 'none'), 403)
    }
    await appendGateEvent(req, options, {
      type: 'sequence-override',
      data: { activated: write.id ?? null, order, previousDecision: gate.decision ?? 'none', reason },
      gate: gate.id,
      phase: previous.id,
    })
    return args
  }
