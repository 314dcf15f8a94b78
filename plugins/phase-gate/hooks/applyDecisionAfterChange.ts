import type { CollectionAfterChangeHook } from 'payload'

import type { ResolvedPhaseGateOptions } from '../defaults'
import type { RoundDoc } from '../operations/gates'

import { appendGateEvent } from '../operations/events'
import { idOf } from '../operations/gates'
import { notifyDecision } from '../operations/notify'
import { publishSnapshot } from '../operations/publishSnapshot'

type WebhookEmitter = (
  req: unknown,
  event: { collection?: string; data: Record<string, unknown>; event: string; id?: number | string },
) => Promise<unknown>

/**
 * When a round's decision is taken (by the quorum rule or an override), it becomes the gate's
 * standing decision; the log records it, the people concerned are told, webhooks announce it when
 * the delivery API is present, and a `go` publishes the snapshot where the options say so.
 */
export const applyDecisionAfterChange =
  (options: ResolvedPhaseGateOptions): CollectionAfterChangeHook =>
  async ({ doc, operation, previousDoc, req }) => {
    const round = doc as RoundDoc & { decidedBecause?: string; decisionReason?: string; tally?: unknown }
    if (operation !== 'update' || round.status !== 'decided' || round.decidedAt === previousDoc?.decidedAt) {
      return doc
    }
    const overridden = round.decidedBecause === 'override'
    await req.payload.update({
      id: idOf(round.gate)!,
      collection: options.slugs.gates as 'users',
      data: { decidedAt: round.decidedAt, decidedRound: round.id, decision: round.outcome } as never,
      overrideAccess: true,
      req,
    })
    await appendGateEvent(req, options, {
      type: overridden ? 'decision-override' : 'decision',
      data: {
        decidedBecause: round.decidedBecause,
        outcome: round.outcome,
        reason: overridden ? round.override?.reason : round.decisionReason,
        ...(overridden ? { replaced: previousDoc?.outcome ?? null } : { tally: round.tally }),
      },
      gate: idOf(round.gate),
      phase: idOf(round.phase),
      round: round.id,
    })
    const emit = (req.payload.config.custom?.webhooks as undefined | { emit?: WebhookEmitter })?.emit
    try {
      await emit?.(req, {
        id: idOf(round.phase)!,
        collection: options.phases.slug,
        data: { decidedAt: round.decidedAt, decision: round.outcome, round: round.number },
        event: 'gate-decision',
      })
    } catch (error) {
      // The decision stands whether or not its announcement could be queued.
      req.payload.logger.error({ err: error }, 'phase gate: the decision could not be announced to webhooks')
    }
    await notifyDecision(req, options, round)
    if (round.outcome === 'go' && options.publishOnGo) {
      await publishSnapshot(req, options, round)
    }
    return doc
  }
