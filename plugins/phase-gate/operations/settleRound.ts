import type { PayloadRequest, Where } from 'payload'

import type { VoteChoice } from '../constants'
import type { ResolvedPhaseGateOptions } from '../defaults'
import type { RoundDoc } from './gates'

import { relationId } from '../../shared'
import { forgetRoundSecrecy } from '../access/gateSecrecy'
import { DECISION_LEASE_MS } from '../constants'
import { TASKS } from '../tasks'
import { decideRound } from '../utilities/decideRound'
import { carryOutDecision } from './decision'
import { findRound } from './gates'

type Id = number | string

export type VoteDoc = {
  castAt: string
  choice: VoteChoice
  comment?: null | string
  id: Id
  member: Id | { id: Id }
  round: unknown
}

export async function votesOf(req: PayloadRequest, options: ResolvedPhaseGateOptions, roundId: Id): Promise<VoteDoc[]> {
  const { docs } = await req.payload.find({
    collection: options.slugs.votes,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    where: { round: { equals: roundId } },
  })
  return docs as unknown as VoteDoc[]
}

/**
 * One conditional write on the round's own row: `UPDATE … WHERE id = ? AND <condition>`, answered
 * with the row when it matched and `null` when another request (in this process or another) got
 * there first. SQLite runs it as one statement (the adapter's `atomic` option), MongoDB as one
 * `findOneAndUpdate`; neither needs a transaction, which the embedded database and a standalone
 * MongoDB do not offer. Written through the adapter: the round's hooks must not run twice.
 */
async function compareAndSet(
  req: PayloadRequest,
  options: ResolvedPhaseGateOptions,
  roundId: Id,
  condition: Where,
  data: Record<string, unknown>,
): Promise<boolean> {
  const row = await req.payload.db.updateOne({
    collection: options.slugs.rounds,
    data,
    options: { atomic: true },
    req,
    where: { and: [{ id: { equals: roundId } }, condition] },
  })
  return Boolean(row)
}

const leaseFrom = (now: Date) => new Date(now.getTime() + DECISION_LEASE_MS).toISOString()

/**
 * Carries out a decision already stored on the round (`deciding`) and marks the round `decided`.
 * Whoever holds the round's lease does it: the process that took the decision, or, once the lease
 * has run out because that process died, the next one to ask (a start-up, the round's close job).
 * Every step repeats safely, so a decision cut short completes and is recorded once.
 */
async function completeDecision(req: PayloadRequest, options: ResolvedPhaseGateOptions, round: RoundDoc): Promise<void> {
  await carryOutDecision(req, options, round, { replaced: null })
  await compareAndSet(req, options, round.id, { status: { equals: 'deciding' } }, { decisionLeaseUntil: null, status: 'decided' })
}

/**
 * Takes over a decision left `deciding` whose lease has run out (its process died while carrying
 * it out). Returns whether this call completed it.
 */
export async function resumeDecision(
  req: PayloadRequest,
  options: ResolvedPhaseGateOptions,
  roundId: Id,
  now: Date,
): Promise<boolean> {
  const taken = await compareAndSet(
    req,
    options,
    roundId,
    { and: [{ status: { equals: 'deciding' } }, { decisionLeaseUntil: { less_than: now.toISOString() } }] },
    { decisionLeaseUntil: leaseFrom(now) },
  )
  if (taken) {
    await completeDecision(req, options, await findRound(req, options, roundId))
  }
  return taken
}

/**
 * Applies the quorum rule to an open round at `now` and, when it decides, closes the round with its
 * outcome and the collected comments, then carries the decision out. Two last votes arriving at
 * once (in one process or two) both evaluate the round, but only the one whose conditional write
 * finds it still `open` decides it. Returns whether the round is (now) decided.
 */
export async function settleRound(req: PayloadRequest, options: ResolvedPhaseGateOptions, roundId: Id, now: Date): Promise<boolean> {
  const round = await findRound(req, options, roundId)
  if (round.status === 'deciding') {
    await resumeDecision(req, options, roundId, now)
    return true
  }
  if (round.status !== 'open') {
    return true
  }
  const votes = await votesOf(req, options, roundId)
  const decision = decideRound({
    dueAt: round.dueAt,
    members: round.members,
    now,
    openedBy: relationId(round.openedBy),
    rule: options.quorum,
    votes: votes.map((vote) => ({ castAt: vote.castAt, choice: vote.choice, memberId: relationId(vote.member)! })),
  })
  if (!decision.decided) {
    return false
  }
  const decided = await compareAndSet(
    req,
    options,
    roundId,
    { status: { equals: 'open' } },
    {
      comments: votes
        .filter(({ comment }) => comment)
        .map(({ choice, comment, member }) => ({ choice, comment, member: String(relationId(member)) })),
      decidedAt: now.toISOString(),
      decidedBecause: decision.decidedBecause,
      decisionLeaseUntil: leaseFrom(now),
      decisionReason: decision.reason,
      outcome: decision.outcome,
      status: 'deciding',
      tally: decision.tally,
    },
  )
  if (decided) {
    // This request read the round's votes as secret; from now on they are not.
    forgetRoundSecrecy(req)
    await completeDecision(req, options, await findRound(req, options, roundId))
  }
  return true
}

/**
 * At start-up: decisions a process died while carrying out are completed now if their lease has run
 * out, or by the round's close job once it does (a process still alive may be carrying them out).
 */
export async function resumeInterruptedDecisions(req: PayloadRequest, options: ResolvedPhaseGateOptions, now: Date): Promise<void> {
  const { docs } = await req.payload.db.find({
    collection: options.slugs.rounds,
    pagination: false,
    req,
    select: { decisionLeaseUntil: true },
    where: { status: { equals: 'deciding' } },
  })
  for (const round of docs as unknown as Array<{ decisionLeaseUntil?: null | string; id: Id }>) {
    if (!(await resumeDecision(req, options, round.id, now))) {
      await req.payload.jobs.queue({
        input: { roundId: String(round.id) } as never,
        req,
        task: TASKS.closeRound as never,
        waitUntil: new Date(round.decisionLeaseUntil ?? now),
      })
    }
  }
}
