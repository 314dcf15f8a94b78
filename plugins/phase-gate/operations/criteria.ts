import type { PayloadRequest } from 'payload'

import type { ResolvedPhaseGateOptions } from '../defaults'
import type { GateDoc } from './gates'

import { relationId } from '../../shared'

export type Criterion = { holds: boolean; kind: 'checklist' | 'deliverable'; label: string; problem?: string }

const hasEvidence = (item: NonNullable<GateDoc['checklist']>[number]) =>
  Boolean(item.evidenceText?.trim()) && Boolean(item.evidenceLink?.trim() || relationId(item.evidenceFile))

/**
 * Every criterion of a gate and whether it holds: each required deliverable of the phase approved,
 * each checklist item ticked with evidence (a text plus a link or a file).
 */
export async function evaluateCriteria(req: PayloadRequest, options: ResolvedPhaseGateOptions, gate: GateDoc): Promise<Criterion[]> {
  const criteria: Criterion[] = []
  const deliverables = options.deliverables
  if (deliverables) {
    const titleField = req.payload.collections[deliverables.collection]?.config.admin.useAsTitle ?? 'id'
    const { docs } = await req.payload.find({
      collection: deliverables.collection,
      depth: 0,
      draft: true,
      overrideAccess: true,
      pagination: false,
      req,
      // Computed on every read of a gate: only what a criterion shows, not whole documents.
      select: { [deliverables.statusField]: true, [titleField]: true } as never,
      where: { [deliverables.phaseField]: { equals: relationId(gate.phase) } },
    })
    for (const doc of docs as unknown as Array<Record<string, unknown>>) {
      const status = doc[deliverables.statusField]
      const holds = status === deliverables.approvedValue
      const label = `Deliverable "${String(doc[titleField] ?? doc.id)}"`
      criteria.push({
        holds,
        kind: 'deliverable',
        label,
        ...(holds ? {} : { problem: `${label} is ${String(status ?? 'unset')}, not ${deliverables.approvedValue}` }),
      })
    }
  }
  for (const item of gate.checklist ?? []) {
    const label = `Checklist item "${item.item}"`
    const problem = !item.done
      ? `${label} is not ticked`
      : !hasEvidence(item)
        ? `${label} has no evidence (a text plus a link or a file)`
        : undefined
    criteria.push({ holds: !problem, kind: 'checklist', label, ...(problem ? { problem } : {}) })
  }
  return criteria
}
