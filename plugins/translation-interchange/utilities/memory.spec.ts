import { matchMemory, similarity } from './memory'
import { buildTmx, parseTmx } from './tmx'

const entries = [
  { context: 'hotlines:name', source: 'National hotline for victims', target: 'Nationale hulplijn voor slachtoffers' },
  { context: 'phases:title', source: 'National hotline for victims', target: 'Nationale meldlijn voor slachtoffers' },
  { context: 'phases:title', source: 'National hotline for all victims', target: 'Nationale hulplijn voor alle slachtoffers' },
  { context: 'phases:title', source: 'Training of border guards', target: 'Opleiding van grenswachters' },
]

describe('translation memory matching', () => {
  test('same text in the same context scores 101, elsewhere 100, a close text its fuzzy score', () => {
    const matches = matchMemory('National hotline for victims', 'hotlines:name', entries)
    expect(matches.map((match) => [match.entry.target, match.score])).toEqual([
      ['Nationale hulplijn voor slachtoffers', 101],
      ['Nationale meldlijn voor slachtoffers', 100],
      ['Nationale hulplijn voor alle slachtoffers', 87],
    ])
  })

  test('nothing under 75 %', () => {
    expect(matchMemory('Something else entirely', null, entries)).toEqual([])
  })

  test.each([
    ['abc', 'abc', 100],
    ['  a   b ', 'a b', 100],
    ['abcd', 'abce', 75],
    ['abcd', 'wxyz', 0],
  ])('similarity(%j, %j) = %i', (a, b, score) => {
    expect(similarity(a, b)).toBe(score)
  })
})

describe('TMX', () => {
  test('round trip keeps pairs, context, origin and date', async () => {
    const xml = buildTmx({
      entries: [
        { context: 'phases:title', createdAt: '2026-01-02T03:04:05.000Z', origin: 'approval', source: 'A & B', target: 'A & B (nl)' },
      ],
      sourceLanguage: 'en',
      targetLanguage: 'nl',
    })
    expect(await parseTmx(xml, 100_000, 'en', 'nl')).toEqual([
      { context: 'phases:title', createdAt: '2026-01-02T03:04:05.000Z', origin: 'approval', source: 'A & B', target: 'A & B (nl)' },
    ])
  })

  test('reads region-tagged languages, skips native codes and units without both languages', async () => {
    const xml = `<?xml version="1.0"?><tmx version="1.4"><header srclang="en-GB"/><body>
      <tu><tuv xml:lang="en-GB"><seg>Call <bpt i="1">&lt;b&gt;</bpt>now<ept i="1">&lt;/b&gt;</ept></seg></tuv><tuv xml:lang="nl-BE"><seg>Bel <bpt i="1">&lt;b&gt;</bpt>nu<ept i="1">&lt;/b&gt;</ept></seg></tuv></tu>
      <tu><tuv xml:lang="en"><seg>Only English</seg></tuv></tu></body></tmx>`
    expect(await parseTmx(xml, 100_000, 'en', 'nl')).toEqual([
      { context: null, createdAt: null, origin: 'tmx', source: 'Call now', target: 'Bel nu' },
    ])
  })

  test('refuses a DOCTYPE', async () => {
    await expect(parseTmx('<!DOCTYPE tmx [<!ENTITY x "y">]><tmx/>', 100_000, 'en', 'nl')).rejects.toThrow(/DOCTYPE/)
  })
})
