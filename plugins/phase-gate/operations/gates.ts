import type { PayloadRequest } from 'payload'

import type { GateDecision } from '../constants'
import type { ResolvedPhaseGateOptions } from '../defaults'

type Id = number | string

export type GateDoc = {
  checklist?: Array<{
    done?: boolean | null
    evidenceFile?: unknown
    evidenceLink?: null | string
    evidenceText?: null | string
    id?: string
    item: string
  }>
  decidedAt?: null | string
  decidedRound?: Id | null | { id: Id }
  decision?: GateDecision | null
  id: Id
  phase: Id | { id: Id }
}

export type RoundDoc = {
  decidedAt?: null | string
  dueAt: string
  gate: Id | { id: Id }
  id: Id
  members: string[]
  number: number
  openedBy: Id | null | { id: Id }
  outcome?: null | string
  override?: { at?: null | string; by?: unknown; outcome?: null | string; reason?: null | string } | null
  phase: Id | { id: Id }
  snapshot: Snapshot
  status: 'decided' | 'open'
}

/** What a round reviews: each gated document with its latest version and a fingerprint per locale. */
export type Snapshot = {
  items: Array<{ collection: string; fingerprints: Record<string, string>; id: Id; versionId: Id | null }>
  takenAt: string
}

/** An id whether the relationship came populated or not. */
export const idOf = (value: Id | null | undefined | { id: Id }): Id | null =>
  value === null || value === undefined ? null : typeof value === 'object' ? value.id : value

/** The gate of a phase, created on first use for phases that existed before the plugin. */
export async function gateOfPhase(req: PayloadRequest, options: ResolvedPhaseGateOptions, phaseId: Id): Promise<GateDoc> {
  const { docs } = await req.payload.find({
    collection: options.slugs.gates as 'users',
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
    where: { phase: { equals: phaseId } },
  })
  if (docs[0]) {
    return docs[0] as unknown as GateDoc
  }
  return (await req.payload.create({
    collection: options.slugs.gates as 'users',
    data: { phase: phaseId } as never,
    overrideAccess: true,
    req,
  })) as unknown as GateDoc
}

/** A phase's name for errors and e-mails, e.g. `phase 2 "Preparation"`. */
export async function phaseName(req: PayloadRequest, options: ResolvedPhaseGateOptions, phaseId: Id): Promise<string> {
  const phase = (await req.payload.findByID({
    id: phaseId,
    collection: options.phases.slug as 'users',
    depth: 0,
    disableErrors: true,
    draft: true,
    overrideAccess: true,
    req,
  })) as null | Record<string, unknown>
  if (!phase) {
    return `phase ${phaseId}`
  }
  return `phase ${String(phase[options.phases.orderField] ?? phaseId)} "${String(phase[options.phases.titleField] ?? '')}"`
}

/**
 * Ids of the phases whose gate currently says `go`: their content is released. Runs on every
 * anonymous read of gated content, so it reads the stored rows directly (no hooks, no computed
 * criteria, no population).
 */
export async function releasedPhaseIds(req: PayloadRequest, options: ResolvedPhaseGateOptions): Promise<Id[]> {
  const { docs } = await req.payload.db.find({
    collection: options.slugs.gates as 'users',
    pagination: false,
    req,
    select: { phase: true },
    where: { decision: { equals: 'go' } },
  })
  return (docs as unknown as GateDoc[]).flatMap((gate) => {
    const id = idOf(gate.phase)
    return id === null ? [] : [id]
  })
}

export async function findRound(req: PayloadRequest, options: ResolvedPhaseGateOptions, id: Id): Promise<RoundDoc> {
  return (await req.payload.findByID({
    id,
    collection: options.slugs.rounds as 'users',
    depth: 0,
    overrideAccess: true,
    req,
  })) as unknown as RoundDoc
}
