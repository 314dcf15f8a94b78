import type { CollectionConfig, CollectionSlug, Config } from 'payload'

import { createLocalReq } from 'payload'

import type { TranslationWorkflowContract } from '../translation-workflow'
import type { PhaseGateOptions } from './types'

import { withAdminComponents } from '../shared'
import { releasedPhasesOnly } from './access/releasedPhasesOnly'
import { generateGateEventsCollection } from './collections/GateEvents'
import { generateGateRoundsCollection } from './collections/GateRounds'
import { generateGatesCollection } from './collections/Gates'
import { generateGateVotesCollection } from './collections/GateVotes'
import { resolvePhaseGateOptions } from './defaults'
import { phaseGateFields } from './fields/phaseGateFields'
import { blockUnreleasedPublishBeforeOperation } from './hooks/blockUnreleasedPublishBeforeOperation'
import { createGateAfterPhaseChange } from './hooks/createGateAfterPhaseChange'
import { enforcePhaseSequenceBeforeOperation } from './hooks/enforcePhaseSequenceBeforeOperation'
import { removeGateBeforePhaseDelete } from './hooks/removeGateBeforePhaseDelete'
import { publishBlockedReason } from './operations/publishing'
import { resumeInterruptedDecisions } from './operations/settleRound'
import { closeRoundTask, remindVotersTask } from './tasks'

export { EVENT_TYPES, GATE_DECISIONS, GATE_OUTCOMES, PHASE_GATE_WEBHOOK_EVENTS, VOTE_CHOICES } from './constants'
export type { GateDecision, GateOutcome, VoteChoice } from './constants'
export type { PhaseGateOptions, QuorumRule } from './types'

/**
 * Steering-group gates between the programme's phases: a gate per phase with criteria, review
 * rounds with a snapshot and votes under a quorum rule, formal outcomes, an append-only hash-chained
 * decision log, and publication of a phase's content held back until its gate says `go`.
 * See README.md beside this file.
 */
export const phaseGate =
  (incoming: PhaseGateOptions) =>
  (config: Config): Config => {
    const options = resolvePhaseGateOptions(incoming)
    const existing = config.collections ?? []
    for (const slug of [options.phases.slug, ...options.gated.map(({ collection }) => collection)]) {
      if (!existing.some((collection) => collection.slug === slug)) {
        throw new Error(`phaseGate: collection "${slug}" is not in the config.`)
      }
    }
    const ownCollections = [
      generateGatesCollection(options),
      generateGateRoundsCollection(options),
      generateGateVotesCollection(options),
      generateGateEventsCollection(options),
    ]
    const jobs = { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), closeRoundTask(options), remindVotersTask(options)] }
    const withPhaseFields = (collection: CollectionConfig): CollectionConfig =>
      collection.slug === options.phases.slug ? { ...collection, fields: [...collection.fields, ...phaseGateFields(options)] } : collection
    if (!options.enabled) {
      // The collections and fields stay registered so the schema does not change with the switch.
      return { ...config, collections: [...existing.map(withPhaseFields), ...ownCollections], jobs }
    }

    // The workflow publishes an approved translation one locale at a time; the gate judges that
    // locale only (an `nl` approval is not held back by a changed `sv` text).
    const workflow: TranslationWorkflowContract | undefined = config.custom?.translationWorkflow
    workflow?.publishGuards.push(({ id, collection, locale, req }) =>
      publishBlockedReason(req, options, { id, collection: collection as CollectionSlug, locale, locales: [locale] }),
    )
    const gateCollection = (collection: CollectionConfig): CollectionConfig => {
      if (collection.slug === options.phases.slug) {
        return {
          ...withPhaseFields(collection),
          hooks: {
            ...collection.hooks,
            afterChange: [...(collection.hooks?.afterChange ?? []), createGateAfterPhaseChange(options)],
            beforeDelete: [...(collection.hooks?.beforeDelete ?? []), removeGateBeforePhaseDelete(options)],
            beforeOperation: [...(collection.hooks?.beforeOperation ?? []), enforcePhaseSequenceBeforeOperation(options)],
          },
        }
      }
      const gated = options.gated.find(({ collection: slug }) => slug === collection.slug)
      if (!gated) {
        return collection
      }
      return {
        ...collection,
        access: { ...collection.access, read: releasedPhasesOnly(options, gated.phaseField, collection.access?.read) },
        hooks: {
          ...collection.hooks,
          beforeOperation: [...(collection.hooks?.beforeOperation ?? []), blockUnreleasedPublishBeforeOperation(options, gated.collection)],
        },
      }
    }
    return {
      ...config,
      admin: withAdminComponents(config.admin, {
        afterNavLinks: [`${options.componentsPath}/SteeringView/NavLink#SteeringNavLink`],
        views: { steering: { Component: `${options.componentsPath}/SteeringView#SteeringView`, path: '/steering' } },
      }),
      collections: [...existing.map(gateCollection), ...ownCollections],
      jobs,
      // Refusals are the gate working as intended: keep them out of the error log.
      loggingLevels: { ...({ GateRefusal: 'info' } as Config['loggingLevels']), ...config.loggingLevels },
      // A process that died while carrying out a decision left its round `deciding`; the next start
      // completes it (operations/settleRound.ts).
      onInit: async (payload) => {
        await config.onInit?.(payload)
        try {
          await resumeInterruptedDecisions(await createLocalReq({}, payload), options, new Date())
        } catch (error) {
          payload.logger.error({ err: error }, 'phase gate: interrupted decisions could not be resumed; the rounds’ close jobs will retry')
        }
      },
    }
  }
