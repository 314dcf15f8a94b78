import { isRichText, richTextToText } from './richText'

const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children })
const text = (value: string, format = 0) => ({ type: 'text', format, text: value })
const state = (...children: unknown[]) => ({ root: { type: 'root', children } })

describe('richTextToText', () => {
  test.each([
    ['empty state', state(), ''],
    ['one paragraph', state(paragraph(text('Call 116 006'))), 'Call 116 006'],
    ['formatting is ignored', state(paragraph(text('Call ', 1), text('now', 2))), 'Call now'],
    ['one line per block', state(paragraph(text('One')), paragraph(text('Two'))), 'One\nTwo'],
    ['line breaks', state(paragraph(text('a'), { type: 'linebreak' }, text('b'))), 'a\nb'],
    ['links keep their text', state(paragraph({ type: 'link', children: [text('help')], url: 'https://x.invalid' })), 'help'],
    [
      'lists',
      state({
        type: 'list',
        children: [
          { type: 'listitem', children: [text('a')] },
          { type: 'listitem', children: [text('b')] },
        ],
      }),
      'a\nb',
    ],
    ['not rich text', 'plain string', ''],
    ['null', null, ''],
  ])('%s', (_name, value, expected) => {
    expect(richTextToText(value)).toBe(expected)
  })
})

describe('isRichText', () => {
  test.each([
    [state(), true],
    [{ root: {} }, false],
    ['text', false],
    [null, false],
    [[], false],
  ])('%p → %p', (value, expected) => {
    expect(isRichText(value)).toBe(expected)
  })
})
