import type { CollectionSlug } from 'payload'

import type { PhaseGateOptions, QuorumRule, ResolvedPhaseGateOptions, ResolvedQuorumRule } from './types'

import { DEFAULT_SLUGS } from './constants'

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

/**
 * Fills in every option's default once; the rest of the plugin reads only the resolved options.
 * Slugs become `CollectionSlug` here, the one place they are taken on trust: the plugin checks at
 * start that the phases and gated collections exist (index.ts) and registers its own.
 */
export function resolvePhaseGateOptions(options: PhaseGateOptions): ResolvedPhaseGateOptions {
  const slug = (value: string) => value as CollectionSlug
  const slugs = { ...DEFAULT_SLUGS, ...options.slugs }
  return {
    componentsPath: options.componentsPath ?? '/plugins/phase-gate/components',
    defaultRoundDays: options.defaultRoundDays ?? 14,
    deliverables: options.deliverables && {
      approvedValue: 'approved',
      statusField: 'workStatus',
      ...options.deliverables,
      collection: slug(options.deliverables.collection),
    },
    enabled: options.enabled ?? true,
    evidenceUploads: options.evidenceUploads === undefined ? undefined : slug(options.evidenceUploads),
    gated: options.gated.map((gated) => ({ ...gated, collection: slug(gated.collection) })),
    isAdmin: options.access.isAdmin,
    isEditor: options.access.isEditor,
    isMember: options.access.isSteeringMember,
    isStaff: options.access.isStaff,
    phases: {
      orderField: 'number',
      status: { active: 'active', field: 'status' },
      titleField: 'title',
      ...options.phases,
      slug: slug(options.phases.slug ?? 'phases'),
    },
    publishOnGo: options.publishOnGo ?? true,
    quorum: resolveQuorumRule(options.quorum),
    reminderHoursBeforeDue: options.reminderHoursBeforeDue ?? 48,
    slugs: { events: slug(slugs.events), gates: slug(slugs.gates), rounds: slug(slugs.rounds), votes: slug(slugs.votes) },
    users: { slug: slug(options.users?.slug ?? 'users'), nameField: options.users?.nameField ?? 'name' },
  }
}

export type { ResolvedPhaseGateOptions } from './types'
