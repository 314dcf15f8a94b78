import type { Field } from 'payload'

import { hasLocalizedFields, localizedValues } from './localizedValues'

const fields: Field[] = [
  { name: 'title', type: 'text', localized: true },
  { name: 'slug', type: 'text' },
  { name: 'summary', type: 'richText', localized: true },
  {
    type: 'row',
    fields: [
      { name: 'place', type: 'text', localized: true },
      { name: 'country', type: 'text' },
    ],
  },
  {
    name: 'steps',
    type: 'array',
    fields: [
      { name: 'text', type: 'text', localized: true },
      { name: 'order', type: 'number' },
    ],
  },
  { name: 'links', type: 'array', fields: [{ name: 'url', type: 'text' }], localized: true },
  { name: 'meta', type: 'group', fields: [{ name: 'caption', type: 'text', localized: true }] },
  {
    name: 'layout',
    type: 'blocks',
    blocks: [
      {
        slug: 'callout',
        fields: [
          { name: 'text', type: 'text', localized: true },
          { name: 'tone', type: 'text' },
        ],
      },
    ],
  },
  {
    type: 'tabs',
    tabs: [
      { fields: [{ name: 'note', type: 'textarea', localized: true }], label: 'Unnamed' },
      { name: 'seo', fields: [{ name: 'description', type: 'text', localized: true }], label: 'Named' },
    ],
  },
]

describe('localizedValues', () => {
  test.each([
    [
      'empty document: every top-level localized field, undefined',
      {},
      {
        links: undefined,
        'meta.caption': undefined,
        note: undefined,
        place: undefined,
        'seo.description': undefined,
        summary: undefined,
        title: undefined,
      },
    ],
    [
      'rows by id, localized containers whole, layout fields flat',
      {
        slug: 'a',
        country: 'BE',
        layout: [
          { id: 'b1', blockType: 'callout', text: 'Careful', tone: 'warn' },
          { id: 'b2', blockType: 'unknown', text: 'x' },
        ],
        links: [{ id: 'l1', url: 'https://x.invalid' }],
        meta: { caption: 'Photo' },
        note: 'Note',
        place: 'Brussels',
        seo: { description: 'About' },
        steps: [
          { id: 'r1', order: 1, text: 'First' },
          { order: 2, text: 'Second' },
        ],
        summary: 'rich',
        title: 'Title',
      },
      {
        'layout.b1.text': 'Careful',
        links: [{ id: 'l1', url: 'https://x.invalid' }],
        'meta.caption': 'Photo',
        note: 'Note',
        place: 'Brussels',
        'seo.description': 'About',
        'steps.1.text': 'Second',
        'steps.r1.text': 'First',
        summary: 'rich',
        title: 'Title',
      },
    ],
  ])('%s', (_name, data, expected) => {
    expect(localizedValues(fields, data)).toEqual(expected)
  })
})

describe('hasLocalizedFields', () => {
  test.each<[string, Field[], boolean]>([
    ['none', [{ name: 'a', type: 'text' }], false],
    ['top level', [{ name: 'a', type: 'text', localized: true }], true],
    ['inside a row', [{ type: 'row', fields: [{ name: 'a', type: 'text', localized: true }] }], true],
    ['inside an array', [{ name: 'a', type: 'array', fields: [{ name: 'b', type: 'text', localized: true }] }], true],
    [
      'inside a block',
      [{ name: 'a', type: 'blocks', blocks: [{ slug: 's', fields: [{ name: 'b', type: 'text', localized: true }] }] }],
      true,
    ],
    ['a localized named tab', [{ type: 'tabs', tabs: [{ name: 't', fields: [{ name: 'b', type: 'text' }], localized: true }] }], true],
  ])('%s', (_name, list, expected) => {
    expect(hasLocalizedFields(list)).toBe(expected)
  })
})
