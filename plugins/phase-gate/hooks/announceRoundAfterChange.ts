import type { CollectionAfterChangeHook } from 'payload'

import type { ResolvedPhaseGateOptions } from '../defaults'
import type { RoundDoc } from '../operations/gates'

import { relationId } from '../../shared'
import { appendGateEvent } from '../operations/events'
import { notifyRoundOpened } from '../operations/notify'
import { TASKS } from '../tasks'

const HOUR_MS = 60 * 60 * 1000

/**
 * A new round is logged, its members are told, and two jobs wait in Payload's queue: the reminder
 * before the due date and the check that decides the round when the due date passes.
 */
export const announceRoundAfterChange =
  (options: ResolvedPhaseGateOptions): CollectionAfterChangeHook =>
  async ({ doc, operation, req }) => {
    if (operation !== 'create') {
      return doc
    }
    const round = doc as RoundDoc
    await appendGateEvent(req, options, {
      type: 'round-opened',
      data: {
        dueAt: round.dueAt,
        members: round.members,
        number: round.number,
        snapshot: round.snapshot.items.map(({ id, collection, versionId }) => ({ id, collection, versionId })),
      },
      gate: relationId(round.gate),
      phase: relationId(round.phase),
      round: round.id,
    })
    const dueAt = new Date(round.dueAt)
    await req.payload.jobs.queue({ input: { roundId: String(round.id) } as never, req, task: TASKS.closeRound as never, waitUntil: dueAt })
    await req.payload.jobs.queue({
      input: { roundId: String(round.id) } as never,
      req,
      task: TASKS.remindVoters as never,
      waitUntil: new Date(dueAt.getTime() - options.reminderHoursBeforeDue * HOUR_MS),
    })
    await notifyRoundOpened(req, options, round)
    return doc
  }
