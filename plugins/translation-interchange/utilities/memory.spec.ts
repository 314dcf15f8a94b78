import { lookupKeysOf, matchMemory, memoryIndexOf, similarity, sourceHashOf } from './memory'
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

describe('memory index keys', () => {
  test('the hash ignores whitespace runs and ends, and tells locales and texts apart', () => {
    expect(sourceHashOf('en', 'nl', '  Call  116 006 ')).toBe(sourceHashOf('en', 'nl', 'Call 116 006'))
    expect(new Set([sourceHashOf('en', 'nl', 'Call'), sourceHashOf('en', 'de', 'Call'), sourceHashOf('en', 'nl', 'call')]).size).toBe(3)
  })

  test('an entry is keyed by its word prefixes, folded, in its locale and length band', () => {
    // 21 characters: band 10 (bands grow by a third: 4/3 to the 10th is 17.8, to the 11th 23.7).
    expect(memoryIndexOf({ source: 'Victims’ Hotline, 24h', sourceLocale: 'en', targetLocale: 'nl' }).fuzzyKeys).toEqual(['nl:10:victi', 'nl:10:hotli', 'nl:10:24h'])
    expect(memoryIndexOf({ source: 'Ajuda às vítimas', sourceLocale: 'en', targetLocale: 'pt' }).fuzzyKeys).toEqual(['pt:9:ajuda', 'pt:9:as', 'pt:9:vitim'])
  })

  test.each([
    // A 75 % match of 40 characters has 30 to 53: bands 11 to 13.
    ['x'.repeat(40), 75, [11, 12, 13]],
    ['x'.repeat(40), 100, [12]],
    ['x'.repeat(40), 95, [12]],
    ['x'.repeat(8), 75, [6, 7, 8]],
  ])('a lookup of %j at %i reads the bands a match can be in', (source, threshold, bands) => {
    const word = source.slice(0, 5)
    expect(lookupKeysOf('nl', source, threshold)).toEqual(bands.map((band) => `nl:${band}:${word}`))
  })

  test('every entry a 75 % match can be shares a band with the lookup', () => {
    // One word, as long as asked (dots are no word).
    const textOf = (length: number) => `victim${'.'.repeat(length - 6)}`
    for (let length = 6; length <= 400; length++) {
      const asked = new Set(lookupKeysOf('nl', textOf(length), 75))
      for (let other = Math.max(6, Math.ceil(length * 0.75)); other <= Math.floor(length / 0.75); other++) {
        const [key] = memoryIndexOf({ source: textOf(other), sourceLocale: 'en', targetLocale: 'nl' }).fuzzyKeys
        expect(asked.has(key!)).toBe(true)
      }
    }
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
