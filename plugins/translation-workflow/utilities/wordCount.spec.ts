import { countWords, countWordsInValue } from './wordCount'

describe('countWords', () => {
  test.each([
    ['', 0],
    ['   ', 0],
    ['Call the hotline', 3],
    ['Call 116 006 now', 4],
    ['  spaced   out  ', 2],
    ['Română și Shqipëri', 3],
    ["victim's rights", 2],
    ['well-being', 1],
    ['e.g. this', 2],
    ['Hello, world! — again.', 3],
    ['Ελληνικά κείμενα', 2],
  ])('%p → %p', (text, expected) => {
    expect(countWords(text)).toBe(expected)
  })
})

describe('countWordsInValue', () => {
  const richText = { root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'Two words' }] }] } }
  test.each([
    ['string', 'one two three', 3],
    ['rich text', richText, 2],
    [
      'array rows',
      [
        { id: 'abc123', objective: 'Know the signs' },
        { id: 'def456', objective: 'Refer' },
      ],
      4,
    ],
    ['block type and ids do not count', { id: 'x', blockType: 'callout', text: 'Only these three' }, 3],
    ['numbers and booleans', { count: 5, flag: true }, 0],
    ['null', null, 0],
  ])('%s', (_name, value, expected) => {
    expect(countWordsInValue(value)).toBe(expected)
  })
})
