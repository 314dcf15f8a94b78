import { changedFieldPaths, fingerprintFields, fingerprintValue, normaliseForFingerprint } from './fingerprint'

const richText = (...paragraphs: Array<Array<{ format?: number; text: string }>>) => ({
  root: {
    type: 'root',
    children: paragraphs.map((children) => ({ type: 'paragraph', children: children.map((child) => ({ type: 'text', ...child })) })),
    version: 1,
  },
})

describe('fingerprintValue', () => {
  test.each([
    ['same string', 'Call 116 006', 'Call 116 006', true],
    ['changed string', 'Call 116 006', 'Call 116 000', false],
    ['whitespace is a change', 'Call', 'Call ', false],
    [
      'key order does not matter',
      { a: 1, b: 'x' },
      Object.fromEntries([
        ['b', 'x'],
        ['a', 1],
      ]),
      true,
    ],
    ['undefined, null and empty string are all empty', undefined, '', true],
    ['null and empty string', null, '', true],
    ['empty rich text is empty', richText(), null, true],
    ['rich text formatting is not a change', richText([{ format: 1, text: 'Help' }]), richText([{ format: 0, text: 'Help' }]), true],
    ['rich text split into runs is the same text', richText([{ text: 'He' }, { text: 'lp' }]), richText([{ text: 'Help' }]), true],
    ['rich text wording is a change', richText([{ text: 'Help' }]), richText([{ text: 'Aid' }]), false],
    ['rich text paragraphs are a change', richText([{ text: 'a' }], [{ text: 'b' }]), richText([{ text: 'ab' }]), false],
    ['populated upload equals its id', { id: 7, createdAt: '2026-01-01', filename: 'a.png' }, 7, false],
    [
      'populated upload equals the same populated upload',
      { id: 7, createdAt: '2026-01-01' },
      { id: 7, createdAt: '2026-02-02', updatedAt: 'x' },
      true,
    ],
    ['new image is a change', { id: 7, createdAt: '2026-01-01' }, { id: 8, createdAt: '2026-01-01' }, false],
    [
      'polymorphic relationship populated or not',
      { relationTo: 'media', value: { id: 3, createdAt: 'x' } },
      { relationTo: 'media', value: 3 },
      true,
    ],
    ['array order is a change', ['a', 'b'], ['b', 'a'], false],
    ['number vs string', 1, '1', false],
    ['timestamps of rows are ignored', { text: 'x', updatedAt: '1' }, { text: 'x', updatedAt: '2' }, true],
  ])('%s', (_name, left, right, same) => {
    expect(fingerprintValue(left) === fingerprintValue(right)).toBe(same)
  })

  test('has a fixed shape and is deterministic', () => {
    expect(fingerprintValue('x')).toMatch(/^sha256:[0-9a-f]{16}$/)
    expect(fingerprintValue({ a: [1, { b: 2 }] })).toBe(fingerprintValue({ a: [1, { b: 2 }] }))
  })
})

describe('normaliseForFingerprint', () => {
  test.each([
    [richText([{ text: 'One' }], [{ text: 'Two' }]), { richText: 'One\nTwo' }],
    [new Date('2026-11-28T00:00:00.000Z'), '2026-11-28T00:00:00.000Z'],
    [{ a: '', b: undefined }, { a: null }],
  ])('%p → %p', (value, expected) => {
    expect(normaliseForFingerprint(value)).toEqual(expected)
  })
})

describe('changedFieldPaths', () => {
  const recorded = fingerprintFields({ 'steps.0.text': 'Step', summary: richText([{ text: 'Old' }]), title: 'Title' })
  test.each([
    ['nothing changed', { 'steps.0.text': 'Step', summary: richText([{ format: 1, text: 'Old' }]), title: 'Title' }, []],
    ['one field changed', { 'steps.0.text': 'Step', summary: richText([{ text: 'New' }]), title: 'Title' }, ['summary']],
    ['two fields changed, sorted', { 'steps.0.text': 'Step', summary: richText([{ text: 'New' }]), title: 'Title!' }, ['summary', 'title']],
    ['a field removed', { summary: richText([{ text: 'Old' }]), title: 'Title' }, ['steps.0.text']],
    ['a field added', { extra: 'x', 'steps.0.text': 'Step', summary: richText([{ text: 'Old' }]), title: 'Title' }, ['extra']],
  ])('%s', (_name, current, expected) => {
    expect(changedFieldPaths(recorded, fingerprintFields(current))).toEqual(expected)
  })
})
