import type { CollectionSlug, PayloadRequest } from 'payload'

import type { ResolvedPhaseGateOptions } from '../defaults'
import type { GateDoc, RoundDoc } from './gates'

import { relationId } from '../../shared'
import { ERRORS } from '../constants'
import { contentFingerprint, mergeUpdate } from '../utilities/contentFingerprint'
import { findRound, gateOfPhase, phaseName } from './gates'
import { fieldsOf, latestContent } from './snapshot'

type Id = number | string

export type PublishAttempt = {
  collection: CollectionSlug
  /** Absent for a document being created. */
  id?: Id
  /** What the request writes, in `locale`; merged over the stored content to judge the result. */
  incoming?: Record<string, unknown>
  locale?: string
  /** The locales the publish would release. */
  locales: Array<string | undefined>
  /**
   * What would be published in a locale, when it is not the latest content with `incoming` over it
   * (restoring an older version).
   */
  published?: (locale: string | undefined) => Promise<null | Record<string, unknown>>
}

/**
 * Why publishing would be refused, or `null` when the phase's gate allows it: the gate decided
 * `go`, the document was in the snapshot that decision approved, and every locale being published
 * still says exactly what the snapshot recorded.
 */
export async function publishBlockedReason(
  req: PayloadRequest,
  options: ResolvedPhaseGateOptions,
  attempt: PublishAttempt,
): Promise<null | string> {
  const gated = options.gated.find(({ collection }) => collection === attempt.collection)
  if (!gated) {
    return null
  }
  const contentIn = async (locale: string | undefined) => {
    if (attempt.published) {
      return attempt.published(locale)
    }
    const current = attempt.id === undefined ? null : await latestContent(req, attempt.collection, attempt.id, locale)
    return locale === attempt.locale && attempt.incoming ? mergeUpdate(current ?? {}, attempt.incoming) : current
  }
  const stored = await contentIn(attempt.locale)
  const phaseId = relationId(stored?.[gated.phaseField] as Id | null)
  if (phaseId === null) {
    return null
  }
  const gate: GateDoc = await gateOfPhase(req, options, phaseId)
  const name = await phaseName(req, options, phaseId)
  if (gate.decision !== 'go') {
    return ERRORS.publishBlocked(name, gate.decision ?? 'none')
  }
  const roundId = relationId(gate.decidedRound)
  const round: null | RoundDoc = roundId === null ? null : await findRound(req, options, roundId)
  const item = round?.snapshot?.items.find(
    (candidate) => candidate.collection === attempt.collection && attempt.id !== undefined && String(candidate.id) === String(attempt.id),
  )
  if (!item || attempt.id === undefined) {
    return ERRORS.notInSnapshot(name)
  }
  const fields = fieldsOf(req, attempt.collection)
  const changed: string[] = []
  for (const locale of attempt.locales) {
    const prospective = locale === attempt.locale ? stored : await contentIn(locale)
    if (contentFingerprint(fields, prospective ?? {}) !== item.fingerprints[locale ?? 'default']) {
      changed.push(locale ?? 'default')
    }
  }
  return changed.length ? ERRORS.changedSinceSnapshot(name, changed) : null
}
