import { PROGRESS_BUCKET_OF_STATUS, PROGRESS_BUCKETS, type ProgressBucket, type TaskStatus } from '../constants'

/** What the progress report needs to know about one task. */
export type ProgressTask = { collection: string; locale: string; status: TaskStatus }

export type ProgressRow = {
  collection: string
  counts: Record<ProgressBucket, number>
  locale: string
  /** Share of `total` in each bucket, in percent with one decimal; 0 when there are no tasks. */
  percentages: Record<ProgressBucket, number>
  total: number
}

const emptyCounts = (): Record<ProgressBucket, number> => ({ approved: 0, inProgress: 0, outdated: 0, untranslated: 0 })

const percent = (part: number, total: number): number => (total === 0 ? 0 : Math.round((part / total) * 1000) / 10)

/**
 * Progress per locale × collection, sorted by locale then collection. `approved` means approved
 * and current: an approved task whose source changed has status `outdated`.
 */
export const aggregateProgress = (tasks: readonly ProgressTask[]): ProgressRow[] => {
  const rows = new Map<string, { collection: string; counts: Record<ProgressBucket, number>; locale: string }>()
  for (const { collection, locale, status } of tasks) {
    const key = JSON.stringify([locale, collection])
    let row = rows.get(key)
    if (!row) {
      row = { collection, counts: emptyCounts(), locale }
      rows.set(key, row)
    }
    row.counts[PROGRESS_BUCKET_OF_STATUS[status]] += 1
  }
  return [...rows.values()]
    .sort((a, b) => a.locale.localeCompare(b.locale) || a.collection.localeCompare(b.collection))
    .map(({ collection, counts, locale }) => {
      const total = PROGRESS_BUCKETS.reduce((sum, bucket) => sum + counts[bucket], 0)
      const percentages = emptyCounts()
      for (const bucket of PROGRESS_BUCKETS) {
        percentages[bucket] = percent(counts[bucket], total)
      }
      return { collection, counts, locale, percentages, total }
    })
}
