import type { CollectionSlug, PayloadRequest } from 'payload'

import type { GateDecision, RoundStatus } from '../constants'
import type { ResolvedPhaseGateOptions } from '../defaults'

import { relationId } from '../../shared'

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
  status: RoundStatus
}

/** What a round reviews: each gated document with its latest version and a fingerprint per locale. */
export type Snapshot = {
  items: Array<{ collection: CollectionSlug; fingerprints: Record<string, string>; id: Id; versionId: Id | null }>
  takenAt: string
}

/** The gate of a phase, created on first use for phases that existed before the plugin. */
export async function gateOfPhase(req: PayloadRequest, options: ResolvedPhaseGateOptions, phaseId: Id): Promise<GateDoc> {
  const { docs } = await req.payload.find({
    collection: options.slugs.gates,
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
    collection: options.slugs.gates,
    data: { phase: phaseId } as never,
    overrideAccess: true,
    req,
  })) as unknown as GateDoc
}

/** A phase's name for errors and e-mails, e.g. `phase 2 "Preparation"`. */
export async function phaseName(req: PayloadRequest, options: ResolvedPhaseGateOptions, phaseId: Id): Promise<string> {
  const phase = (await req.payload.findByID({
    id: phaseId,
    collection: options.phases.slug,
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

export type GateStanding = { decidedAt: null | string; decision: GateDecision; phase: Id }

/**
 * Every anonymous read of gated content asks which phases are released, and every phase it
 * populates asks for its gate's decision: one read of the gates per request answers them all. A
 * programme has a handful of phases, so the whole table is small.
 */
const standingsByRequest = new WeakMap<PayloadRequest, Promise<Map<string, GateStanding>>>()

/**
 * Each phase's standing gate decision, keyed by phase id, read once per request from the stored
 * rows (no hooks, no computed criteria, no population).
 */
export function gateStandings(req: PayloadRequest, options: ResolvedPhaseGateOptions): Promise<Map<string, GateStanding>> {
  let standings = standingsByRequest.get(req)
  if (!standings) {
    standings = req.payload.db
      .find({
        collection: options.slugs.gates,
        pagination: false,
        req,
        select: { decidedAt: true, decision: true, phase: true },
      })
      .then(({ docs }) => {
        const byPhase = new Map<string, GateStanding>()
        for (const gate of docs as unknown as GateDoc[]) {
          const phase = relationId(gate.phase)
          if (phase !== null) {
            byPhase.set(String(phase), { decidedAt: gate.decidedAt ?? null, decision: gate.decision ?? 'none', phase })
          }
        }
        return byPhase
      })
    standingsByRequest.set(req, standings)
  }
  return standings
}

/** A request that writes a gate reads the new decision afterwards, not the one it started with. */
export function forgetGateStandings(req: PayloadRequest): void {
  standingsByRequest.delete(req)
}

/** Ids of the phases whose gate currently says `go`: their content is released. */
export async function releasedPhaseIds(req: PayloadRequest, options: ResolvedPhaseGateOptions): Promise<Id[]> {
  const standings = await gateStandings(req, options)
  return [...standings.values()].filter(({ decision }) => decision === 'go').map(({ phase }) => phase)
}

export async function findRound(req: PayloadRequest, options: ResolvedPhaseGateOptions, id: Id): Promise<RoundDoc> {
  return (await req.payload.findByID({
    id,
    collection: options.slugs.rounds,
    depth: 0,
    overrideAccess: true,
    req,
  })) as unknown as RoundDoc
}
