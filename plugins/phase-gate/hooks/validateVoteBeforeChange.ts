import type { CollectionBeforeChangeHook } from 'payload'

import type { VoteChoice } from '../constants'
import type { ResolvedPhaseGateOptions } from '../defaults'

import { relationId } from '../../shared'
import { CHOICES_NEEDING_COMMENT, ERRORS } from '../constants'
import { GateRefusal } from '../errors'
import { findRound } from '../operations/gates'

/**
 * A vote counts only from a member of the steering group as it stood when the round opened, not
 * its opener, once per round, with a comment where the choice needs one, while the round is open
 * and not past due. Changing a vote keeps its round and member; a recusal is final.
 */
export const validateVoteBeforeChange =
  (options: ResolvedPhaseGateOptions): CollectionBeforeChangeHook =>
  async ({ data, operation, originalDoc, req }) => {
    const user = req.user
    if (!user || !options.isMember(user)) {
      throw new GateRefusal(ERRORS.notAMember, 403)
    }
    const roundId = relationId(operation === 'create' ? data.round : originalDoc?.round)
    if (roundId === null) {
      throw new GateRefusal(ERRORS.voteNeedsRound, 400)
    }
    const round = await findRound(req, options, roundId)
    const now = new Date()
    if (round.status !== 'open' || now >= new Date(round.dueAt)) {
      throw new GateRefusal(ERRORS.roundClosed, 409)
    }
    if (String(relationId(round.openedBy)) === String(user.id)) {
      throw new GateRefusal(ERRORS.openerCannotVote, 403)
    }
    if (!round.members.includes(String(user.id))) {
      throw new GateRefusal(ERRORS.notAMember, 403)
    }
    if (operation === 'update' && originalDoc?.choice === 'recuse') {
      // A member who declared a conflict of interest has left the round's base; coming back with a
      // vote would let them weigh in after the others counted on their absence.
      throw new GateRefusal(ERRORS.recusalIsFinal, 409)
    }
    if (operation === 'create') {
      const { totalDocs } = await req.payload.count({
        collection: options.slugs.votes,
        overrideAccess: true,
        req,
        where: { and: [{ round: { equals: roundId } }, { member: { equals: user.id } }] },
      })
      if (totalDocs > 0) {
        throw new GateRefusal(ERRORS.alreadyVoted, 409)
      }
    }
    const choice = (data.choice ?? originalDoc?.choice) as VoteChoice
    const comment = String(data.comment ?? originalDoc?.comment ?? '').trim()
    if (CHOICES_NEEDING_COMMENT.includes(choice) && !comment) {
      throw new GateRefusal(ERRORS.commentRequired(choice), 400)
    }
    return { ...data, castAt: now.toISOString(), member: operation === 'create' ? user.id : relationId(originalDoc.member), round: roundId }
  }
