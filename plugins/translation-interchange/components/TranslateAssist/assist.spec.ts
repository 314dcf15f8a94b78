import type { Entry } from '../../../translation-workflow/exports/client'
import type { GlossaryMatch, SuggestionUnit } from './assist'

import { exactPrefills, findingsOfRefusal, glossarySegments, glossaryTitle, inputPathOf } from './assist'

const term = (start: number, end: number, extra: Partial<GlossaryMatch> = {}): GlossaryMatch => ({
  approvedTranslation: null,
  definition: null,
  doNotTranslate: false,
  end,
  start,
  term: 'term',
  ...extra,
})

const entry = (diffKey: string, kind: Entry['kind'], extra: Partial<Entry> = {}): Entry => ({
  diffKey,
  kind,
  label: diffKey,
  path: diffKey.split('.'),
  source: 'Safe house',
  ...extra,
})

const unit = (id: string, scores: number[]): SuggestionUnit => ({
  id,
  field: id,
  glossary: [],
  machineTranslation: null,
  machineTranslationProblem: null,
  memory: scores.map((score) => ({ needsReview: true, origin: null, score, source: 'Safe house', target: `Veilig huis ${score}` })),
  source: 'Safe house',
})

describe('glossarySegments', () => {
  it('splits the source into plain text and terms, dropping a term inside an earlier one', () => {
    const victimSupport = term(11, 25)
    const support = term(18, 25)
    const hotline = term(30, 37)
    expect(glossarySegments('Help every victim support via hotline', [hotline, support, victimSupport])).toEqual([
      { text: 'Help every ' },
      { match: victimSupport, text: 'victim support' },
      { text: ' via ' },
      { match: hotline, text: 'hotline' },
    ])
  })

  it('leaves a text without terms whole, and ignores a term past its end', () => {
    expect(glossarySegments('Hello', [])).toEqual([{ text: 'Hello' }])
    expect(glossarySegments('Hello', [term(3, 9)])).toEqual([{ text: 'Hello' }])
  })
})

test.each([
  [{ definition: 'A name.', doNotTranslate: true }, 'Do not translate · A name.'],
  [{ approvedTranslation: 'slachtoffer' }, 'Approved translation: slachtoffer'],
  [{}, 'Glossary term: term'],
])('glossaryTitle(%o) is %s', (extra, title) => {
  expect(glossaryTitle(term(0, 1, extra))).toBe(title)
})

describe('inputPathOf', () => {
  it('is the field for text, the only text node for rich text, none otherwise', () => {
    expect(inputPathOf(entry('title', 'text'))).toEqual(['title'])
    const node = { label: 'body, text 1', path: ['body', 'root', 'children', 0, 'children', 0, 'text'] }
    expect(inputPathOf(entry('body', 'richText', { richTextNodes: [node] }))).toEqual(node.path)
    expect(inputPathOf(entry('body', 'richText', { richTextNodes: [node, node] }))).toBeNull()
    expect(inputPathOf(entry('logo', 'unsupported'))).toBeNull()
  })
})

describe('exactPrefills', () => {
  it('fills only empty text inputs, and only with a match of 100 or more', () => {
    const entries = [entry('title', 'text'), entry('summary', 'textarea'), entry('steps.s1.text', 'textarea'), entry('body', 'richText')]
    const units = [unit('title', [101, 100]), unit('summary', [99]), unit('steps.s1.text', [100]), unit('body', [100])]
    const target: Record<string, unknown> = { steps: [{ text: 'Lees' }], summary: '', title: '' }
    const valueAt = (path: Array<number | string>) => (path[0] === 'steps' ? 'Lees' : target[String(path[0])])
    expect(exactPrefills(entries, units, valueAt)).toEqual([{ match: expect.objectContaining({ score: 101 }), path: ['title'] }])
  })
})

describe('findingsOfRefusal', () => {
  it('reads the findings a refused submit carried, and nothing from other errors', () => {
    const finding = { check: 'emptyTarget', field: 'Title', level: 'error', message: 'Not translated.', text: '' }
    expect(findingsOfRefusal([{ findings: [finding, { nonsense: true }] }, 'other', null])).toEqual([finding])
    expect(findingsOfRefusal([])).toEqual([])
  })
})
