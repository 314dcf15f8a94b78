import type { Field, FieldHook } from 'payload'

import type { ResolvedPhaseGateOptions } from '../defaults'

import { GATE_DECISIONS } from '../constants'
import { SEQUENCE_OVERRIDE_FIELD } from '../hooks/enforcePhaseSequenceBeforeOperation'
import { gateStandings } from '../operations/gates'

const readGateAfterRead =
  (options: ResolvedPhaseGateOptions): FieldHook =>
  async ({ data, req }) => {
    const standing = data?.id ? (await gateStandings(req, options)).get(String(data.id)) : undefined
    return { decidedAt: standing?.decidedAt ?? null, decision: standing?.decision ?? 'none' }
  }

const adminOnly =
  (options: ResolvedPhaseGateOptions) =>
  ({ req }: { req: { user?: unknown } }) =>
    options.isAdmin(req.user as never)

/**
 * What a phase tells the public about its gate: the standing decision and when it was taken,
 * read from the gate (never stored on the phase, so a decision creates no phase version). Votes
 * and comments stay in the staff-only rounds and votes.
 */
export const phaseGateFields = (options: ResolvedPhaseGateOptions): Field[] => [
  { name: 'gatePanel', type: 'ui', admin: { components: { Field: `${options.componentsPath}/GatePanel#GatePanel` } } },
  {
    name: 'gate',
    type: 'group',
    admin: { position: 'sidebar', readOnly: true },
    fields: [
      { name: 'decision', type: 'select', options: [...GATE_DECISIONS] },
      { name: 'decidedAt', type: 'date' },
    ],
    hooks: { afterRead: [readGateAfterRead(options)] },
    virtual: true,
  },
  {
    name: SEQUENCE_OVERRIDE_FIELD,
    type: 'textarea',
    access: { create: adminOnly(options), read: adminOnly(options), update: adminOnly(options) },
    admin: {
      description: 'Administrators only: the reason for activating this phase before the previous phase has passed its gate.',
      position: 'sidebar',
    },
    virtual: true,
  },
]
