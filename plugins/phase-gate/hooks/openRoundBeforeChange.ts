import type { CollectionBeforeChangeHook } from 'payload'

import type { ResolvedPhaseGateOptions } from '../defaults'
import type { GateDoc, RoundDoc } from '../operations/gates'
import type { GateUser } from '../types'

import { relationId } from '../../shared'
import { ERRORS } from '../constants'
import { GateRefusal } from '../errors'
import { evaluateCriteria } from '../operations/criteria'
import { takeSnapshot } from '../operations/snapshot'
import { snapshotChanges } from '../utilities/snapshotChanges'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Opening a round: refused while another round of the gate is open or while any criterion fails
 * (the error lists them all); otherwise records who opened it, the steering group as it stands,
 * and the snapshot of exactly what is under review.
 */
export const openRoundBeforeChange =
  (options: ResolvedPhaseGateOptions): CollectionBeforeChangeHook =>
  async ({ data, operation, req }) => {
    if (operation !== 'create') {
      return data
    }
    const user = req.user
    if (!user) {
      throw new GateRefusal(ERRORS.openerMustBeSignedIn, 403)
    }
    const gate = (await req.payload.findByID({
      id: relationId(data.gate)!,
      collection: options.slugs.gates,
      depth: 0,
      overrideAccess: true,
      req,
    })) as unknown as GateDoc
    const { totalDocs: openRounds } = await req.payload.count({
      collection: options.slugs.rounds,
      overrideAccess: true,
      req,
      where: { and: [{ gate: { equals: gate.id } }, { status: { equals: 'open' } }] },
    })
    if (openRounds > 0) {
      throw new GateRefusal(ERRORS.roundAlreadyOpen, 409)
    }
    const criteria = await evaluateCriteria(req, options, gate)
    const failing = criteria.flatMap(({ problem }) => (problem ? [problem] : []))
    if (failing.length) {
      throw new GateRefusal(ERRORS.criteriaNotMet(failing), 409, { criteria })
    }
    const now = new Date()
    const dueAt = data.dueAt ? new Date(data.dueAt) : new Date(now.getTime() + options.defaultRoundDays * DAY_MS)
    if (Number.isNaN(dueAt.getTime()) || dueAt <= now) {
      throw new GateRefusal(ERRORS.roundDueInPast, 400)
    }
    // Who is in the steering group is the project's rule (options.isMember), not a stored field
    // the plugin may query: the staff is read and the rule asked for each, as Payload hands a
    // signed-in user to access functions (with its collection).
    const { docs: staff } = await req.payload.find({
      collection: options.users.slug,
      depth: 0,
      overrideAccess: true,
      pagination: false,
      req,
    })
    const members = staff.filter((person) => options.isMember({ ...person, collection: options.users.slug } as GateUser))
    const { docs: earlier, totalDocs: earlierCount } = await req.payload.find({
      collection: options.slugs.rounds,
      depth: 0,
      limit: 1,
      overrideAccess: true,
      req,
      sort: '-number',
      where: { gate: { equals: gate.id } },
    })
    const phase = relationId(gate.phase)!
    const snapshot = await takeSnapshot(req, options, phase)
    const previous = earlier[0] as unknown as RoundDoc | undefined
    return {
      ...data,
      changesSincePreviousRound: snapshotChanges(previous?.snapshot.items ?? [], snapshot.items),
      dueAt: dueAt.toISOString(),
      gate: gate.id,
      members: members.map(({ id }) => String(id)),
      number: earlierCount + 1,
      openedAt: now.toISOString(),
      openedBy: user.id,
      phase,
      snapshot,
      status: 'open',
    }
  }
