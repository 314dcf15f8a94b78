import { snapshotChanges } from './snapshotChanges'

const item = (id: number, en: string, nl = 'nl0') => ({ id, collection: 'deliverables', fingerprints: { en, nl } })

describe('snapshotChanges', () => {
  test.each([
    ['nothing changed', [item(1, 'a')], [item(1, 'a')], { added: [], changed: [], removed: [] }],
    [
      'a first round: everything is new',
      [],
      [item(1, 'a')],
      { added: [{ id: '1', collection: 'deliverables' }], changed: [], removed: [] },
    ],
    [
      'one locale changed',
      [item(1, 'a'), item(2, 'b')],
      [item(1, 'a', 'nl1'), item(2, 'b')],
      { added: [], changed: [{ id: '1', collection: 'deliverables', locales: ['nl'] }], removed: [] },
    ],
    [
      'a document left the phase',
      [item(1, 'a'), item(2, 'b')],
      [item(1, 'a')],
      { added: [], changed: [], removed: [{ id: '2', collection: 'deliverables' }] },
    ],
    [
      'string and numeric ids match',
      [{ ...item(1, 'a'), id: '1' }],
      [item(1, 'b')],
      { added: [], changed: [{ id: '1', collection: 'deliverables', locales: ['en'] }], removed: [] },
    ],
  ])('%s', (_, previous, current, expected) => {
    expect(snapshotChanges(previous, current)).toEqual(expected)
  })
})
