import type { Field } from 'payload'

import { contentFingerprint, mergeUpdate } from './contentFingerprint'

const fields: Field[] = [
  { name: 'title', type: 'text', localized: true },
  { name: 'phase', type: 'relationship', relationTo: 'phases' },
  { type: 'row', fields: [{ name: 'dueDate', type: 'date' }] },
  {
    name: 'period',
    type: 'group',
    fields: [
      { name: 'from', type: 'date' },
      { name: 'to', type: 'date' },
    ],
  },
  { name: 'objectives', type: 'array', fields: [{ name: 'objective', type: 'text' }] },
  { name: 'translation', type: 'group', fields: [{ name: 'status', type: 'text' }], virtual: true },
  // What Payload adds to a sanitized versioned collection.
  { name: '_status', type: 'select', options: ['draft', 'published'] },
  { name: 'updatedAt', type: 'date' },
  { name: 'createdAt', type: 'date' },
]

const doc = {
  id: 1,
  _status: 'draft',
  createdAt: '2026-01-01T00:00:00.000Z',
  dueDate: '2026-05-01T00:00:00.000Z',
  objectives: [{ id: 'r1', objective: 'Train' }],
  period: { from: '2026-01-01T00:00:00.000Z', to: null },
  phase: 3,
  title: 'Manual',
  updatedAt: '2026-01-02T00:00:00.000Z',
}

describe('contentFingerprint', () => {
  const base = contentFingerprint(fields, doc)

  test.each([
    [
      'status, timestamps and virtual fields',
      { _status: 'published', translation: { status: 'fallback' }, updatedAt: '2027-01-01T00:00:00.000Z' },
    ],
    ['a populated relationship instead of its id', { phase: { id: 3, title: 'Phase 3' } }],
    ['a Date instead of ISO text', { dueDate: new Date('2026-05-01T00:00:00.000Z') }],
    ['an empty array instead of none', {}],
  ])('ignores %s', (_, change) => {
    expect(contentFingerprint(fields, { ...doc, ...change })).toBe(base)
    expect(contentFingerprint(fields, { ...doc, objectives: [] })).toBe(contentFingerprint(fields, { ...doc, objectives: null }))
  })

  test.each([
    ['the title', { title: 'Manual v2' }],
    ['the phase', { phase: 4 }],
    ['a date inside a group', { period: { from: '2026-02-01T00:00:00.000Z', to: null } }],
    ['an array row', { objectives: [{ id: 'r1', objective: 'Teach' }] }],
    [
      'the order of array rows',
      {
        objectives: [
          { id: 'r2', objective: 'Inform' },
          { id: 'r1', objective: 'Train' },
        ],
      },
    ],
  ])('changes with %s', (_, change) => {
    expect(contentFingerprint(fields, { ...doc, ...change })).not.toBe(base)
  })
})

describe('mergeUpdate', () => {
  test('merges groups field by field and replaces arrays and scalars', () => {
    expect(mergeUpdate(doc, { objectives: [{ objective: 'New' }], period: { to: '2026-12-31' }, title: undefined })).toEqual({
      ...doc,
      objectives: [{ objective: 'New' }],
      period: { from: '2026-01-01T00:00:00.000Z', to: '2026-12-31' },
    })
  })
})
