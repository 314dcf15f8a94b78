import { diffValues, MAX_TOKENS, tokenize, valueToText } from './diff'

const richText = (...paragraphs: string[]) => ({
  root: { type: 'root', children: paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] })) },
})

describe('diffValues', () => {
  test.each([
    ['identical', 'Call now', 'Call now', 'Call now'],
    ['one word replaced', 'Call 116 006 now', 'Call 116 000 now', 'Call 116 [-006-]{+000+} now'],
    ['word added', 'Call now', 'Call the hotline now', 'Call {+the hotline +}now'],
    ['word removed', 'Call the hotline now', 'Call now', 'Call [-the hotline -]now'],
    ['from empty', undefined, 'New text', '{+New text+}'],
    ['to empty', 'Old text', null, '[-Old text-]'],
    ['both empty', '', undefined, ''],
    ['rich text as text', richText('Help is', 'free'), richText('Help is', 'always free'), 'Help is\n{+always +}free'],
    ['numbers', 3, 4, '[-3-]{+4+}'],
  ])('%s', (_name, before, after, summary) => {
    const diff = diffValues(before, after)
    expect(diff.summary).toBe(summary)
    expect(diff.before).toBe(valueToText(before))
    expect(diff.after).toBe(valueToText(after))
  })

  test('parts rebuild both sides', () => {
    const { parts } = diffValues('The victim may stay 30 days.', 'A victim may stay 90 days, renewable.')
    expect(
      parts
        .filter(({ type }) => type !== 'added')
        .map(({ text }) => text)
        .join(''),
    ).toBe('The victim may stay 30 days.')
    expect(
      parts
        .filter(({ type }) => type !== 'removed')
        .map(({ text }) => text)
        .join(''),
    ).toBe('A victim may stay 90 days, renewable.')
  })

  test('very long values degrade to removed + added', () => {
    const long = 'word '.repeat(MAX_TOKENS)
    expect(diffValues(long, `${long}more`).parts.map(({ type }) => type)).toEqual(['removed', 'added'])
  })
})

describe('tokenize', () => {
  test.each([
    ['', []],
    ['a b', ['a', ' ', 'b']],
    ['Română, da!', ['Română', ',', ' ', 'da', '!']],
  ])('%p → %p', (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens)
  })
})

describe('valueToText', () => {
  test.each([
    [{ id: 3 }, '{"id":3}'],
    [true, 'true'],
    [richText('a', 'b'), 'a\nb'],
  ])('%p → %p', (value, text) => {
    expect(valueToText(value)).toBe(text)
  })
})
