import { toCsv } from './csv'

describe('toCsv', () => {
  test.each([
    ['plain values', { a: 1, b: 'x' }, 'a,b\r\n1,x\r\n'],
    ['quotes, commas and line breaks', { a: 'say "hi", then\nleave', b: null }, 'a,b\r\n"say ""hi"", then\nleave",\r\n'],
    ['objects as JSON', { a: { choice: 'approve' }, b: undefined }, 'a,b\r\n"{""choice"":""approve""}",\r\n'],
    ['formula injection', { a: '=HYPERLINK("x")', b: '-1' }, 'a,b\r\n"\'=HYPERLINK(""x"")",\'-1\r\n'],
  ])('%s', (_, row, expected) => {
    expect(toCsv(['a', 'b'], [row])).toBe(expected)
  })
})
