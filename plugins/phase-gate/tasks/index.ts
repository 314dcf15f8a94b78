import type { TaskConfig } from 'payload'

import type { ResolvedPhaseGateOptions } from '../defaults'

import { relationId } from '../../shared'
import { findRound } from '../operations/gates'
import { notifyVotersDue } from '../operations/notify'
import { settleRound, votesOf } from '../operations/settleRound'
import { decideRound } from '../utilities/decideRound'

export const TASKS = {
  closeRound: 'phaseGateCloseRound',
  remindVoters: 'phaseGateRemindVoters',
} as const

type RoundTask = TaskConfig<{ input: { roundId: string }; output: { done: boolean } }>

const roundInput = [{ name: 'roundId', type: 'text' as const, required: true }]

/** Queued for a round's due date: decides it then, with whatever votes were cast. */
export const closeRoundTask = (options: ResolvedPhaseGateOptions): RoundTask => ({
  slug: TASKS.closeRound,
  handler: async ({ input, req }) => ({ output: { done: await settleRound(req, options, input.roundId, new Date()) } }),
  inputSchema: roundInput,
  outputSchema: [{ name: 'done', type: 'checkbox' }],
})

/** Queued for the reminder time before a round's due date: e-mails the members yet to vote. */
export const remindVotersTask = (options: ResolvedPhaseGateOptions): RoundTask => ({
  slug: TASKS.remindVoters,
  handler: async ({ input, req }) => {
    const round = await findRound(req, options, input.roundId)
    if (round.status !== 'open') {
      return { output: { done: false } }
    }
    const votes = await votesOf(req, options, round.id)
    const state = decideRound({
      dueAt: round.dueAt,
      members: round.members,
      now: new Date(),
      openedBy: relationId(round.openedBy),
      rule: options.quorum,
      votes: votes.map((vote) => ({ castAt: vote.castAt, choice: vote.choice, memberId: relationId(vote.member)! })),
    })
    if (!state.decided) {
      await notifyVotersDue(req, options, round, state.awaiting)
    }
    return { output: { done: !state.decided } }
  },
  inputSchema: roundInput,
  outputSchema: [{ name: 'done', type: 'checkbox' }],
})
