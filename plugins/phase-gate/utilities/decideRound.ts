import type { DecidedBecause, DecisionReason, GateOutcome, VoteChoice } from '../constants'
import type { QuorumRule } from '../types'

import { DECISION_REASONS } from '../constants'
import { resolveQuorumRule } from '../defaults'

/** A member id as either database gives it: numbers on SQLite, strings on MongoDB. */
export type MemberId = number | string

/** One vote as recorded; a member who changes their vote has several, the latest counts. */
export type CastVote = {
  castAt: Date | string
  choice: VoteChoice
  memberId: MemberId
}

export type RoundInput = {
  /** When the round closes whatever the votes. */
  dueAt: Date | string
  /**
   * The steering group as it stood when the round opened. The opener is taken out: nobody votes
   * on a round they opened.
   */
  members: MemberId[]
  now: Date | string
  openedBy: MemberId | null
  rule?: QuorumRule
  /** Every vote cast in the round, in any order, changed votes included. */
  votes: CastVote[]
}

export type Tally = {
  abstain: number
  approve: number
  /** Eligible members minus recusals: what every threshold is measured against. */
  base: number
  /** Members who may vote: the group minus the opener. */
  eligible: number
  notVoted: number
  recuse: number
  reject: number
  requestChanges: number
}

export type RoundDecision =
  | {
      /** Eligible members who have not voted yet (recusals count as answered). */
      awaiting: string[]
      decided: false
      tally: Tally
    }
  | {
      decided: true
      decidedBecause: DecidedBecause
      outcome: GateOutcome
      reason: DecisionReason
      tally: Tally
    }

const timeOf = (value: Date | string, what: string): number => {
  const time = (value instanceof Date ? value : new Date(value)).getTime()
  if (Number.isNaN(time)) {
    throw new TypeError(`decideRound: ${what} is not a valid date: ${String(value)}`)
  }
  return time
}

/** Each eligible member's current vote: the latest by `castAt`, the later entry on a tie. */
const currentVotes = (votes: CastVote[], eligible: Set<string>): Map<string, VoteChoice> => {
  const latest = new Map<string, { at: number; choice: VoteChoice }>()
  for (const vote of votes) {
    const member = String(vote.memberId)
    if (!eligible.has(member)) {
      // The vote endpoint refuses these; a stray one (the opener, a former member) never counts.
      continue
    }
    const at = timeOf(vote.castAt, 'castAt')
    const previous = latest.get(member)
    if (!previous || at >= previous.at) {
      latest.set(member, { at, choice: vote.choice })
    }
  }
  return new Map([...latest].map(([member, { choice }]) => [member, choice]))
}

const outcomeOf = (
  tally: Tally,
  decidedBecause: DecidedBecause,
  rule: ReturnType<typeof resolveQuorumRule>,
): { outcome: GateOutcome; reason: DecisionReason } => {
  if (tally.base === 0) {
    return { outcome: 'hold', reason: DECISION_REASONS.noVoters }
  }
  const participants = tally.approve + tally.requestChanges + tally.reject + tally.abstain
  if (decidedBecause === 'due-date' && participants < rule.quorum(tally.base)) {
    return { outcome: 'hold', reason: DECISION_REASONS.quorumNotReached }
  }
  if (tally.reject >= rule.rejectionsForKill(tally.base)) {
    return { outcome: 'kill', reason: DECISION_REASONS.majorityRejected }
  }
  if (tally.reject > 0) {
    // A minority rejection blocks go and recycle alike; the phase stays closed until an admin
    // override or a new round.
    return { outcome: 'hold', reason: DECISION_REASONS.noMajority }
  }
  const goBlockedByRequests = rule.requestChangesBlocksGo && tally.requestChanges > 0
  if (!goBlockedByRequests && tally.approve >= rule.approvalsForGo(tally.base)) {
    return { outcome: 'go', reason: DECISION_REASONS.majorityApproved }
  }
  if (tally.requestChanges > 0) {
    return { outcome: 'recycle', reason: DECISION_REASONS.changesRequested }
  }
  return { outcome: 'hold', reason: DECISION_REASONS.noMajority }
}

/**
 * The quorum rule: whether a review round is decided and with which outcome. Pure: the caller
 * passes the clock, so a round is evaluated the same way on read, on a vote and in a job.
 *
 * A round decides when every eligible member has answered (a recusal is an answer) or when the
 * due date has passed; until then votes may change and nothing is decided, even when the outcome
 * already looks certain.
 */
export const decideRound = ({ dueAt, members, now, openedBy, rule, votes }: RoundInput): RoundDecision => {
  const resolved = resolveQuorumRule(rule)
  const opener = openedBy === null ? null : String(openedBy)
  const eligibleIds = [...new Set(members.map(String))].filter((member) => member !== opener)
  const current = currentVotes(votes, new Set(eligibleIds))

  const count = (choice: VoteChoice): number => [...current.values()].filter((value) => value === choice).length
  const tally: Tally = {
    abstain: count('abstain'),
    approve: count('approve'),
    base: eligibleIds.length - count('recuse'),
    eligible: eligibleIds.length,
    notVoted: eligibleIds.length - current.size,
    recuse: count('recuse'),
    reject: count('reject'),
    requestChanges: count('request-changes'),
  }

  const pastDue = timeOf(now, 'now') >= timeOf(dueAt, 'dueAt')
  if (tally.notVoted > 0 && !pastDue) {
    return { awaiting: eligibleIds.filter((member) => !current.has(member)), decided: false, tally }
  }
  const decidedBecause: DecidedBecause = tally.notVoted === 0 ? 'all-voted' : 'due-date'
  return { decided: true, decidedBecause, ...outcomeOf(tally, decidedBecause, resolved), tally }
}
