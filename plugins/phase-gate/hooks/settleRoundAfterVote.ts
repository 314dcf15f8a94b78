import type { CollectionAfterChangeHook } from 'payload'

import type { ResolvedPhaseGateOptions } from '../defaults'
import type { VoteDoc } from '../operations/settleRound'

import { relationId } from '../../shared'
import { appendGateEvent } from '../operations/events'
import { findRound } from '../operations/gates'
import { settleRound } from '../operations/settleRound'

/** Logs the vote (cast, changed or a recusal) and decides the round once every member answered. */
export const settleRoundAfterVote =
  (options: ResolvedPhaseGateOptions): CollectionAfterChangeHook =>
  async ({ doc, operation, previousDoc, req }) => {
    const vote = doc as VoteDoc
    const previous = operation === 'update' ? (previousDoc as VoteDoc).choice : null
    const recused = vote.choice === 'recuse' && previous !== 'recuse'
    const round = await findRound(req, options, relationId(vote.round)!)
    await appendGateEvent(req, options, {
      type: recused ? 'recusal' : operation === 'create' ? 'vote-cast' : 'vote-changed',
      data: { choice: vote.choice, member: String(relationId(vote.member)), previousChoice: previous },
      gate: relationId(round.gate),
      phase: relationId(round.phase),
      round: round.id,
    })
    await settleRound(req, options, round.id, new Date())
    return doc
  }
