import type { Field } from 'payload'

import { nonLocalizedChanges } from './nonLocalizedChanges'

const fields: Field[] = [
  { name: 'title', type: 'text', localized: true },
  { name: 'number', type: 'number' },
  { name: 'partner', type: 'relationship', relationTo: 'partners' },
  { name: 'audiences', type: 'select', hasMany: true, options: ['a', 'b'] },
  { type: 'row', fields: [{ name: 'country', type: 'text' }] },
  {
    name: 'activities',
    type: 'array',
    fields: [
      { name: 'title', type: 'text', localized: true },
      { name: 'kind', type: 'text' },
    ],
  },
  {
    name: 'meta',
    type: 'group',
    fields: [
      { name: 'caption', type: 'text', localized: true },
      { name: 'code', type: 'text' },
    ],
  },
  { name: 'translation', type: 'group', fields: [{ name: 'status', type: 'text' }], virtual: true },
]

const stored = {
  activities: [{ id: 'r1', kind: 'training', title: 'Training' }],
  audiences: null,
  country: 'BE',
  meta: { caption: 'Photo', code: 'X' },
  number: 3,
  partner: 7,
  title: 'Title',
}

describe('nonLocalizedChanges', () => {
  test.each<[string, Record<string, unknown>, string[]]>([
    ['only localized values', { activities: [{ id: 'r1', title: 'Opleiding' }], meta: { caption: 'Foto' }, title: 'Titel' }, []],
    ['the whole form sent back unchanged', { ...stored, audiences: [], partner: { id: 7, name: 'P', createdAt: 'x' }, title: 'Titel' }, []],
    ['a shared number', { number: 4 }, ['number']],
    ['a field inside a row', { country: 'NL' }, ['country']],
    ['a relationship', { partner: 8 }, ['partner']],
    ['a shared value inside a row of an array', { activities: [{ id: 'r1', kind: 'meeting', title: 'x' }] }, ['activities.r1.kind']],
    [
      'a new row',
      {
        activities: [
          { id: 'r1', title: 'x' },
          { id: 'r2', title: 'y' },
        ],
      },
      ['activities'],
    ],
    ['removing every row', { activities: [] }, ['activities']],
    ['a shared value inside a group', { meta: { code: 'Y' } }, ['meta.code']],
    ['virtual fields are ignored', { translation: { status: 'x' } }, []],
  ])('%s', (_name, data, expected) => {
    expect(nonLocalizedChanges(fields, data, stored)).toEqual(expected)
  })
})
