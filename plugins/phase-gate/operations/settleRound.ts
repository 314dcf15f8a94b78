import type { PayloadRequest } from 'payload'

import type { VoteChoice } from '../constants'
import type { ResolvedPhaseGateOptions } from '../defaults'

import { decideRound } from '../utilities/decideRound'
import { findRound, idOf } from './gates'

export type VoteDoc = {
  castAt: string
  choice: VoteChoice
  comment?: null | string
  id: number | string
  member: number | string | { id: number | string }
  round: unknown
}

export async function votesOf(req: PayloadRequest, options: ResolvedPhaseGateOptions, roundId: number | string): Promise<VoteDoc[]> {
  const { docs } = await req.payload.find({
    collection: options.slugs.votes as 'users',
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    where: { round: { equals: roundId } },
  })
  return docs as unknown as VoteDoc[]
}

/**
 * Applies the quorum rule to an open round at `now` and, when it decides, closes the round with its
 * outcome and the collected comments. The round's own hook then carries the decision to the gate.
 * Returns whether the round is (now) decided.
 */
export async function settleRound(
  req: PayloadRequest,
  options: ResolvedPhaseGateOptions,
  roundId: number | string,
  now: Date,
): Promise<boolean> {
  const round = await findRound(req, options, roundId)
  if (round.status !== 'open') {
    return true
  }
  const votes = await votesOf(req, options, roundId)
  const decision = decideRound({
    dueAt: round.dueAt,
    members: round.members,
    now,
    openedBy: idOf(round.openedBy),
    rule: options.quorum,
    votes: votes.map((vote) => ({ castAt: vote.castAt, choice: vote.choice, memberId: idOf(vote.member)! })),
  })
  if (!decision.decided) {
    return false
  }
  await req.payload.update({
    id: roundId,
    collection: options.slugs.rounds as 'users',
    data: {
      comments: votes
        .filter(({ comment }) => comment)
        .map(({ choice, comment, member }) => ({ choice, comment, member: String(idOf(member)) })),
      decidedAt: now.toISOString(),
      decidedBecause: decision.decidedBecause,
      decisionReason: decision.reason,
      outcome: decision.outcome,
      status: 'decided',
      tally: decision.tally,
    } as never,
    overrideAccess: true,
    req,
  })
  return true
}
