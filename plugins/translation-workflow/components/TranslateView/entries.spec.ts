import type { Field } from 'payload'

import { topLevelKeys, translationEntries } from './entries'

const paragraph = (...texts: string[]) => ({
  type: 'paragraph',
  children: texts.map((text) => ({ type: 'text', format: 0, text, version: 1 })),
  version: 1,
})
const richText = (...paragraphs: ReturnType<typeof paragraph>[]) => ({ root: { type: 'root', children: paragraphs, version: 1 } })

const fields: Field[] = [
  { name: 'title', type: 'text', label: 'Title', localized: true },
  { name: 'slug', type: 'text' },
  { name: 'body', type: 'richText', localized: true },
  {
    name: 'steps',
    type: 'array',
    fields: [
      { name: 'text', type: 'textarea', localized: true },
      { name: 'minutes', type: 'number' },
    ],
  },
  { name: 'links', type: 'array', fields: [{ name: 'label', type: 'text' }], localized: true },
  { type: 'tabs', tabs: [{ fields: [{ name: 'logo', type: 'upload', localized: true, relationTo: 'media' }], label: 'Media' }] },
]

const source = {
  slug: 'hello',
  body: richText(paragraph('Hello ', 'world'), paragraph('Bye')),
  links: [{ id: 'l1', label: 'Home' }],
  logo: 7,
  steps: [
    { id: 's1', minutes: 5, text: 'Read' },
    { id: 's2', minutes: 9, text: 'Write' },
  ],
  title: 'Hello',
}

describe('translationEntries', () => {
  it('lists every localized value in form order, flattening rows, with the keys the outdated diff uses', () => {
    const target: Record<string, unknown> = {
      slug: 'hello',
      steps: [
        { id: 's1', minutes: 5, text: 'Lees' },
        { id: 's2', minutes: 9 },
      ],
      title: 'Hallo',
    }
    const entries = translationEntries(fields, source, target)
    expect(entries.map(({ diffKey, kind, label, path, source: text }) => ({ diffKey, kind, label, path, text }))).toEqual([
      { diffKey: 'title', kind: 'text', label: 'Title', path: ['title'], text: 'Hello' },
      { diffKey: 'body', kind: 'richText', label: 'body', path: ['body'], text: 'Hello world\nBye' },
      { diffKey: 'steps.s1.text', kind: 'textarea', label: 'steps 1 › text', path: ['steps', 0, 'text'], text: 'Read' },
      { diffKey: 'steps.s2.text', kind: 'textarea', label: 'steps 2 › text', path: ['steps', 1, 'text'], text: 'Write' },
      { diffKey: 'links', kind: 'text', label: 'links 1 › label', path: ['links', 0, 'label'], text: 'Home' },
      { diffKey: 'logo', kind: 'unsupported', label: 'logo', path: ['logo'], text: '7' },
    ])
    expect(topLevelKeys(entries)).toEqual(['title', 'body', 'steps', 'links', 'logo'])
  })

  it('starts untranslated rich text and localized rows as a copy of the source, rows without their ids', () => {
    const target: Record<string, unknown> = {}
    const entries = translationEntries(fields, source, target)
    expect(target.body).toEqual(source.body)
    expect(target.body).not.toBe(source.body)
    expect(target.links).toEqual([{ label: 'Home' }])
    expect(entries.find(({ kind }) => kind === 'richText')?.richTextNodes).toEqual([
      { label: 'body, text 1', path: ['body', 'root', 'children', 0, 'children', 0, 'text'] },
      { label: 'body, text 2', path: ['body', 'root', 'children', 0, 'children', 1, 'text'] },
      { label: 'body, text 3', path: ['body', 'root', 'children', 1, 'children', 0, 'text'] },
    ])
  })

  it('keeps a translation that has its own text nodes', () => {
    const target: Record<string, unknown> = { body: richText(paragraph('Hallo wereld')) }
    const [, body] = translationEntries(fields, source, target)
    expect(body?.richTextNodes).toEqual([{ label: 'body, text 1', path: ['body', 'root', 'children', 0, 'children', 0, 'text'] }])
  })
})
