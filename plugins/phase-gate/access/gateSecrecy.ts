import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

import type { ResolvedPhaseGateOptions } from '../defaults'

import { relationId } from '../../shared'
import { VOTE_EVENT_TYPES } from '../constants'

type Id = number | string

/**
 * Secrecy of the ballot until a round is decided: a vote's choice and comment are seen by its voter
 * and administrators; other steering members see who has voted (the vote's row, member and time),
 * not how; staff outside the steering group see decisions only, never votes. Once the round is
 * decided, steering members and administrators see every vote.
 */

/** Per request: whether each round asked about is still open (undecided). */
const openByRequest = new WeakMap<PayloadRequest, Map<string, Promise<boolean>>>()

function roundIsOpen(req: PayloadRequest, options: ResolvedPhaseGateOptions, roundId: Id): Promise<boolean> {
  let byRound = openByRequest.get(req)
  if (!byRound) {
    byRound = new Map()
    openByRequest.set(req, byRound)
  }
  let open = byRound.get(String(roundId))
  if (!open) {
    open = req.payload.db
      .findOne({ collection: options.slugs.rounds, req, select: { status: true }, where: { id: { equals: roundId } } })
      .then((round) => (round as null | { status?: string })?.status === 'open')
    byRound.set(String(roundId), open)
  }
  return open
}

/** A request that decides a round reads its votes afterwards as revealed. */
export function forgetRoundSecrecy(req: PayloadRequest): void {
  openByRequest.delete(req)
}

/** Votes: administrators and the steering group. Everyone else sees the decision only. */
export const readVotes =
  (options: ResolvedPhaseGateOptions): Access =>
  ({ req }) =>
    options.isAdmin(req.user) || options.isMember(req.user)

/**
 * A vote's choice and comment. Without a document (a `where`, a `sort`, the permissions of the
 * admin UI) only administrators may use them: a filter on `choice` would otherwise tell another
 * member how someone voted before the round is decided.
 */
export const readVoteContent =
  (options: ResolvedPhaseGateOptions): FieldAccess =>
  async ({ doc, req }) => {
    if (options.isAdmin(req.user)) {
      return true
    }
    if (!doc || !options.isMember(req.user)) {
      return false
    }
    if (String(relationId(doc.member)) === String(req.user!.id)) {
      return true
    }
    const roundId = relationId(doc.round)
    return roundId !== null && !(await roundIsOpen(req, options, roundId))
  }

/** The comments a round collects when it is decided are votes: the steering group and administrators. */
export const readRoundComments =
  (options: ResolvedPhaseGateOptions): FieldAccess =>
  ({ req }) =>
    options.isAdmin(req.user) || options.isMember(req.user)

/**
 * The decision log: administrators read every entry. Steering members read every entry except
 * other members' vote entries of rounds not yet decided; other staff read every entry except votes.
 */
export const readEvents =
  (options: ResolvedPhaseGateOptions): Access =>
  async ({ req }) => {
    if (options.isAdmin(req.user)) {
      return true
    }
    if (!options.isStaff(req.user)) {
      return false
    }
    const notAVote: Where = { type: { not_in: [...VOTE_EVENT_TYPES] } }
    if (!options.isMember(req.user)) {
      return notAVote
    }
    const { docs } = await req.payload.db.find({
      collection: options.slugs.rounds,
      pagination: false,
      req,
      select: { id: true },
      where: { status: { not_equals: 'open' } },
    })
    const decided = docs.map(({ id }) => String(id))
    return {
      or: [notAVote, { actor: { equals: String(req.user!.id) } }, ...(decided.length ? [{ round: { in: decided } }] : [])],
    }
  }

/**
 * An entry's hashes are for administrators, who export the log for the funder: a vote entry has
 * few possible contents, so its hash (and the next entry's `prevHash`) would give a hidden vote
 * away to anyone who tries them all. Everyone else asks `/verify` for the chain's verdict.
 */
export const readEventHashes =
  (options: ResolvedPhaseGateOptions): FieldAccess =>
  ({ req }) =>
    options.isAdmin(req.user)
