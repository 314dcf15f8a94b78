import type { TaskStatus } from '../constants'

import { aggregateProgress, type ProgressTask } from './progress'

const tasks = (collection: string, locale: string, statuses: TaskStatus[]): ProgressTask[] =>
  statuses.map((status) => ({ collection, locale, status }))

describe('aggregateProgress', () => {
  test('no tasks, no rows', () => {
    expect(aggregateProgress([])).toEqual([])
  })

  test.each([
    [
      'every status lands in its bucket',
      tasks('phases', 'nl', ['approved', 'outdated', 'in-progress', 'in-review', 'returned', 'untranslated']),
      { approved: 1, inProgress: 3, outdated: 1, untranslated: 1 },
      { approved: 16.7, inProgress: 50, outdated: 16.7, untranslated: 16.7 },
    ],
    [
      'all approved',
      tasks('phases', 'nl', ['approved', 'approved', 'approved']),
      { approved: 3, inProgress: 0, outdated: 0, untranslated: 0 },
      { approved: 100, inProgress: 0, outdated: 0, untranslated: 0 },
    ],
    [
      'thirds round to one decimal',
      tasks('phases', 'nl', ['approved', 'untranslated', 'untranslated']),
      { approved: 1, inProgress: 0, outdated: 0, untranslated: 2 },
      { approved: 33.3, inProgress: 0, outdated: 0, untranslated: 66.7 },
    ],
  ])('%s', (_name, input, counts, percentages) => {
    expect(aggregateProgress(input)).toEqual([{ collection: 'phases', counts, locale: 'nl', percentages, total: input.length }])
  })

  test('rows per locale × collection, sorted by locale then collection', () => {
    const rows = aggregateProgress([
      ...tasks('phases', 'sv', ['untranslated']),
      ...tasks('hotlines', 'nl', ['approved', 'outdated']),
      ...tasks('phases', 'nl', ['in-review']),
    ])
    expect(rows.map(({ collection, locale, total }) => [locale, collection, total])).toEqual([
      ['nl', 'hotlines', 2],
      ['nl', 'phases', 1],
      ['sv', 'phases', 1],
    ])
    expect(rows[0]?.counts).toEqual({ approved: 1, inProgress: 0, outdated: 1, untranslated: 0 })
  })
})
