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
 * Participants trained so far, over published pilot-country evaluations, so the figure only moves
 * when an evaluation is published. The public figure counts public evaluations only: counting
 * internal ones would let anyone learn that an internal evaluation exists (and how many it
 * trained) by watching the total move. Staff get the full figure beside it. Reads the database
 * directly: it needs only numbers, not the reports' hooks and population.
 */
export async function participantsTrainedTotals(req: PayloadRequest): Promise<{ all: number; public: number }> {
  const { docs } = await req.payload.db.find<{ participantsTrained?: TrainedCounts; visibility?: string }>({
    collection: 'reports',
    pagination: false,
    req,
    select: { participantsTrained: true, visibility: true },
    where: { and: [{ type: { equals: 'pilot-country-evaluation' } }, { _status: { equals: 'published' } }] },
  })
  return docs.reduce(
    (totals, report) => {
      const participants = participantsIn(report.participantsTrained)
      return { all: totals.all + participants, public: totals.public + (report.visibility === 'public' ? participants : 0) }
    },
    { all: 0, public: 0 },
  )
}

/**
 * Stores the totals on the programme settings, which every page of a site reads: summing reports
 * there made each read cost as much as the reports table. Recounted from scratch rather than
 * adjusted by the change, so one missed or racing update is corrected by the next. Writes through
 * the adapter: the figures are derived, and the settings' own validation (a required name) must not
 * stop a report from being published. No settings yet: the first save of them counts.
 */
export async function storeParticipantsTrained(req: PayloadRequest): Promise<void> {
  const settings: null | { id?: unknown } = await req.payload.db.findGlobal({ slug: 'programme', req })
  if (!settings?.id) {
    return
  }
  const totals = await participantsTrainedTotals(req)
  await req.payload.db.updateGlobal({
    slug: 'programme',
    data: { progress: { participantsTrained: totals.public, participantsTrainedInternal: totals.all } },
    req,
    returning: false,
  })
}
