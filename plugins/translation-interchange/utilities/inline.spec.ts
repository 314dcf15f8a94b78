import { flatten, type Inline, plainText, restore, tagMismatch } from './inline'

const text = (value: string, format = 0) => ({ type: 'text', detail: 0, format, mode: 'normal', style: '', text: value, version: 1 })
const paragraph = (...children: object[]) => ({ type: 'paragraph', children, direction: 'ltr', format: '', indent: 0, version: 1 })
const root = (...children: object[]) => ({ root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 } })

const link = {
  type: 'link',
  children: [text('the hotline', 2)],
  fields: { linkType: 'custom', newTab: false, url: 'https://example.org' },
  version: 3,
}
const upload = { type: 'upload', fields: null, relationTo: 'media', value: 7, version: 3 }
const source = root(paragraph(text('Call '), link, text(' today', 1), { type: 'linebreak', version: 1 }, text('free')), upload, {
  type: 'list',
  children: [{ type: 'listitem', children: [text('one')], value: 1, version: 1 }],
  listType: 'bullet',
  tag: 'ul',
  version: 1,
})

describe('flatten', () => {
  test('text blocks in order, formats and links as paired tags, breaks as placeholders', () => {
    const { content, tags } = flatten(source)
    expect(content).toEqual([
      'Call ',
      { id: 'l1', children: [{ id: 'f1', children: ['the hotline'], kind: 'pc' }], kind: 'pc' },
      { id: 'f2', children: [' today'], kind: 'pc' },
      { id: 'n1', kind: 'ph' },
      'free',
      { id: 'b1', kind: 'ph' },
      'one',
    ])
    expect([...tags.values()].map((tag) => [tag.id, tag.role])).toEqual([
      ['l1', 'link'],
      ['f1', 'format'],
      ['f2', 'format'],
      ['n1', 'break'],
      ['b1', 'block'],
    ])
    expect(plainText(content)).toBe('Call the hotline today\nfree\none')
  })

  test('a plain string is one text; empty values have no content', () => {
    expect(flatten('Hello').content).toEqual(['Hello'])
    expect(flatten('').content).toEqual([])
    expect(flatten(null).content).toEqual([])
  })
})

describe('restore', () => {
  test('the untouched source restores to exactly the source', () => {
    const flat = flatten(source)
    expect(restore(source, flat, flat.content)).toEqual(source)
  })

  test('a translation keeps every format, link and block of the source, moved where the translator put them', () => {
    const flat = flatten(source)
    const target: Inline[] = [
      { id: 'f2', children: [' Vandaag'], kind: 'pc' },
      ' bellen met ',
      { id: 'l1', children: [{ id: 'f1', children: ['de hulplijn'], kind: 'pc' }], kind: 'pc' },
      { id: 'n1', kind: 'ph' },
      'gratis',
      { id: 'b1', kind: 'ph' },
      'een',
    ]
    expect(tagMismatch(flat, target)).toBeNull()
    expect(restore(source, flat, target)).toEqual(
      root(
        paragraph(
          text(' Vandaag', 1),
          text(' bellen met '),
          { ...link, children: [text('de hulplijn', 2)] },
          { type: 'linebreak', version: 1 },
          text('gratis'),
        ),
        upload,
        {
          type: 'list',
          children: [{ type: 'listitem', children: [text('een')], value: 1, version: 1 }],
          listType: 'bullet',
          tag: 'ul',
          version: 1,
        },
      ),
    )
  })

  test('a plain field restores to its text', () => {
    expect(restore('Hello', flatten('Hello'), ['Hallo'])).toBe('Hallo')
  })
})

describe('tagMismatch', () => {
  const flat = flatten(source)
  const ok = flat.content
  test.each<[string, Inline[], RegExp]>([
    ['a missing tag', ok.filter((item) => typeof item === 'string' || item.id !== 'n1'), /"n1" missing/],
    ['an invented tag', [...ok, { id: 'n9', kind: 'ph' }], /"n9" is not in the source/],
    ['a duplicated tag', [...ok, { id: 'n1', kind: 'ph' }], /"n1" appears twice/],
    [
      'a paired tag turned placeholder',
      ok.map((item) => (typeof item !== 'string' && item.id === 'f2' ? { id: 'f2', kind: 'ph' as const } : item)),
      /f2/,
    ],
    [
      'a paragraph break inside a format',
      ok.map((item) => (typeof item !== 'string' && item.id === 'b1' ? { id: 'f9', children: [item], kind: 'pc' as const } : item)),
      /f9/,
    ],
  ])('reports %s', (_, target, message) => {
    expect(tagMismatch(flat, target)).toMatch(message)
  })
})
