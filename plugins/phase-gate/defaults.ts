import type { GateUser, PhaseGateOptions, QuorumRule, ResolvedQuorumRule } from './types'

/** More than half: 1 of 1, 2 of 2, 2 of 3, 3 of 4, 3 of 5. */
export const strictMajorityOf = (count: number): number => Math.floor(count / 2) + 1

export const defaultQuorumRule: ResolvedQuorumRule = {
  approvalsForGo: strictMajorityOf,
  quorum: strictMajorityOf,
  rejectionsForKill: strictMajorityOf,
  requestChangesBlocksGo: true,
}

/** Fills in the quorum rule's defaults once. */
export const resolveQuorumRule = (rule: QuorumRule = {}): ResolvedQuorumRule => ({
  approvalsForGo: rule.approvalsForGo ?? defaultQuorumRule.approvalsForGo,
  quorum: rule.quorum ?? defaultQuorumRule.quorum,
  rejectionsForKill: rule.rejectionsForKill ?? defaultQuorumRule.rejectionsForKill,
  requestChangesBlocksGo: rule.requestChangesBlocksGo ?? defaultQuorumRule.requestChangesBlocksGo,
})

type RoleUser = GateUser | null | undefined

const holdsRole = (usersSlug: string, rolesField: string) => (user: RoleUser, role: string) => {
  const roles = user && user.collection === usersSlug ? (user as unknown as Record<string, unknown>)[rolesField] : undefined
  return Array.isArray(roles) && roles.includes(role)
}

/** Fills in every option's default once; the rest of the plugin reads only the resolved options. */
export function withDefaults(options: PhaseGateOptions) {
  const users = { slug: 'users', nameField: 'name', rolesField: 'roles', ...options.users }
  const has = holdsRole(users.slug, users.rolesField)
  const steeringRole = options.steeringRole ?? 'steering'
  return {
    componentsPath: options.componentsPath ?? '/plugins/phase-gate/components',
    defaultRoundDays: options.defaultRoundDays ?? 14,
    deliverables: options.deliverables && {
      approvedValue: 'approved',
      statusField: 'workStatus',
      ...options.deliverables,
    },
    enabled: options.enabled ?? true,
    evidenceUploads: options.evidenceUploads,
    gated: options.gated,
    isAdmin: options.isAdmin ?? ((user: RoleUser) => has(user, 'admin')),
    isEditor: options.isEditor ?? ((user: RoleUser) => has(user, 'admin') || has(user, 'editor')),
    isMember: (user: RoleUser) => has(user, steeringRole),
    isStaff: options.isStaff ?? ((user: RoleUser) => Boolean(user && user.collection === users.slug)),
    phases: {
      slug: 'phases',
      orderField: 'number',
      status: { active: 'active', field: 'status' },
      titleField: 'title',
      ...options.phases,
    },
    publishOnGo: options.publishOnGo ?? true,
    quorum: resolveQuorumRule(options.quorum),
    reminderHoursBeforeDue: options.reminderHoursBeforeDue ?? 48,
    slugs: { events: 'gate-events', gates: 'gates', rounds: 'gate-rounds', votes: 'gate-votes', ...options.slugs },
    steeringRole,
    users,
  }
}

export type ResolvedPhaseGateOptions = ReturnType<typeof withDefaults>
