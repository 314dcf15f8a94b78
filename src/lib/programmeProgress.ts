import type { PayloadRequest } from 'payload'

import { trainedSectors } from '@/lib/vocabularies'

type TrainedCounts = Record<string, unknown> | null | undefined

/** Only pilot-country evaluations count participants (their counts show only for that type). */
export const isPilotEvaluation = (report: unknown): boolean =>
  (report as { type?: unknown } | null | undefined)?.type === 'pilot-country-evaluation'

/** Participants one evaluation reports, over all sectors. */
export const participantsIn = (counts: TrainedCounts): number =>
  trainedSectors.reduce((sum, { value }) => sum + (Number(counts?.[value]) || 0), 0)

/**
 * Participants trained so far: the sum over published pilot-country evaluations, so the public
 * figure only moves when an evaluation is published. Reads the database directly: it needs only
 * numbers, not the reports' hooks and population.
 */
export async function participantsTrainedTotal(req: PayloadRequest): Promise<number> {
  const { docs } = await req.payload.db.find<{ participantsTrained?: TrainedCounts }>({
    collection: 'reports',
    pagination: false,
    req,
    select: { participantsTrained: true },
    where: { and: [{ type: { equals: 'pilot-country-evaluation' } }, { _status: { equals: 'published' } }] },
  })
  return docs.reduce((sum, report) => sum + participantsIn(report.participantsTrained), 0)
}

/**
 * Stores the total on the programme settings, which every page of a site reads: summing reports
 * there made each read cost as much as the reports table. Recounted from scratch rather than
 * adjusted by the change, so one missed or racing update is corrected by the next. Writes through
 * the adapter: the figure is derived, and the settings' own validation (a required name) must not
 * stop a report from being published. No settings yet: the first save of them counts.
 */
export async function storeParticipantsTrained(req: PayloadRequest): Promise<void> {
  const settings: null | { id?: unknown } = await req.payload.db.findGlobal({ slug: 'programme', req })
  if (!settings?.id) {
    return
  }
  const participantsTrained = await participantsTrainedTotal(req)
  await req.payload.db.updateGlobal({ slug: 'programme', data: { progress: { participantsTrained } }, req, returning: false })
}
