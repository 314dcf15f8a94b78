import type { PayloadRequest } from 'payload'

import type { DeliveryApiContract } from '../../delivery-api'
import type { EventType } from '../constants'
import type { ResolvedPhaseGateOptions } from '../defaults'
import type { RoundDoc } from './gates'

import { relationId } from '../../shared'
import { PHASE_GATE_WEBHOOK_EVENTS } from '../constants'
import { appendGateEvent } from './events'
import { notifyDecision } from './notify'
import { publishSnapshot } from './publishSnapshot'

export type DecidedRound = RoundDoc & { decidedBecause?: string; decisionReason?: string; tally?: unknown }

/** Whether the log already records this round's `type` entry (a decision carried out before a crash). */
async function logged(req: PayloadRequest, options: ResolvedPhaseGateOptions, round: RoundDoc, type: EventType): Promise<boolean> {
  const { totalDocs } = await req.payload.db.count({
    collection: options.slugs.events,
    req,
    where: { and: [{ round: { equals: String(round.id) } }, { type: { equals: type } }] },
  })
  return totalDocs > 0
}

/**
 * What a round's decision (by the quorum rule or an override) sets off: it becomes the gate's
 * standing decision, the log records it, the people concerned are told, webhooks announce it when
 * the delivery API is present, and a `go` publishes the snapshot where the options say so.
 *
 * A quorum decision may be carried out again after a crash (`settleRound.ts`): the gate's decision
 * is simply written again, and the log entries and publishes already made are not repeated. The
 * notices and the webhook go out at least once (again, when the crash came after them). An override
 * is an administrator's new act each time and is always logged.
 */
export async function carryOutDecision(
  req: PayloadRequest,
  options: ResolvedPhaseGateOptions,
  round: DecidedRound,
  { replaced }: { replaced: null | string | undefined },
): Promise<void> {
  const overridden = round.decidedBecause === 'override'
  await req.payload.update({
    id: relationId(round.gate)!,
    collection: options.slugs.gates,
    data: { decidedAt: round.decidedAt, decidedRound: round.id, decision: round.outcome } as never,
    overrideAccess: true,
    req,
  })
  if (overridden || !(await logged(req, options, round, 'decision'))) {
    await appendGateEvent(req, options, {
      type: overridden ? 'decision-override' : 'decision',
      data: {
        decidedBecause: round.decidedBecause,
        outcome: round.outcome,
        reason: overridden ? round.override?.reason : round.decisionReason,
        ...(overridden ? { replaced: replaced ?? null } : { tally: round.tally }),
      },
      gate: relationId(round.gate),
      phase: relationId(round.phase),
      round: round.id,
    })
  }
  const delivery: DeliveryApiContract | undefined = req.payload.config.custom?.deliveryApi
  try {
    await delivery?.emit({
      id: relationId(round.phase)!,
      collection: options.phases.slug,
      // Only a `go` says what was decided: whether a phase was held, recycled or killed is the
      // steering group's business; that its content is not public is not.
      data:
        round.outcome === 'go'
          ? { decidedAt: round.decidedAt, decision: round.outcome, round: round.number }
          : { decidedAt: round.decidedAt, decision: 'withheld' },
      event: PHASE_GATE_WEBHOOK_EVENTS[0],
      req,
    })
  } catch (error) {
    // The decision stands whether or not its announcement could be queued.
    req.payload.logger.error({ err: error }, 'phase gate: the decision could not be announced to webhooks')
  }
  await notifyDecision(req, options, round)
  if (round.outcome === 'go' && options.publishOnGo && (overridden || !(await logged(req, options, round, 'published-on-go')))) {
    await publishSnapshot(req, options, round)
  }
}
