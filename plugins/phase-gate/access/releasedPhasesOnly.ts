import type { Access, Where } from 'payload'

import type { ResolvedPhaseGateOptions } from '../defaults'

import { releasedPhaseIds } from '../operations/gates'

/** Payload's own default when a collection sets no read access: any signed-in user. */
const signedIn: Access = ({ req }) => Boolean(req.user)

/**
 * Narrows a gated collection's read access for everyone but staff to documents whose phase's gate
 * decided `go` (or that belong to no phase): until then nothing of a phase reaches the public, and
 * a `kill` withdraws what was published.
 */
export const releasedPhasesOnly =
  (options: ResolvedPhaseGateOptions, phaseField: string, read: Access = signedIn): Access =>
  async (args) => {
    const allowed = await read(args)
    if (allowed === false || options.isStaff(args.req.user)) {
      return allowed
    }
    const released = await releasedPhaseIds(args.req, options)
    const inReleasedPhase: Where = {
      or: [{ [phaseField]: { exists: false } }, ...(released.length ? [{ [phaseField]: { in: released } }] : [])],
    }
    return allowed === true ? inReleasedPhase : { and: [allowed, inReleasedPhase] }
  }
