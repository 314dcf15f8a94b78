import { bandsOf, combineAnalyses, ratesFrom, summariseBands } from './leverage'

const RATES = { context: 0, currency: 'EUR', exact: 0.03, fuzzy75: 0.09, fuzzy85: 0.07, fuzzy95: 0.05, none: 0.12, repetition: 0.02 }

describe('leverage bands', () => {
  test.each([
    [101, 'context'],
    [100, 'exact'],
    [99, 'fuzzy95'],
    [95, 'fuzzy95'],
    [94, 'fuzzy85'],
    [85, 'fuzzy85'],
    [84, 'fuzzy75'],
    [75, 'fuzzy75'],
    [74, 'none'],
    [undefined, 'none'],
  ])('a best score of %s is %s', (score, band) => {
    expect(bandsOf([{ source: 'Call the hotline' }], [score])).toEqual([band])
  })

  test('a repeat without a 100/101 match is a repetition after its first occurrence; exact matches stay exact', () => {
    const segments = ['Gamma team', 'Gamma  team ', 'Gamma team', 'Alpha', 'Alpha', 'Beta', 'Beta'].map((source) => ({ source }))
    expect(bandsOf(segments, [80, 80, undefined, 101, 101, 100, 100])).toEqual([
      'fuzzy75',
      'repetition',
      'repetition',
      'context',
      'context',
      'exact',
      'exact',
    ])
  })

  test('every band is listed in order, with its share; nothing has a cost without rates', () => {
    const analysis = summariseBands(
      [
        { band: 'none', segments: 1, words: 3 },
        { band: 'exact', segments: 2, words: 1 },
      ],
      2,
      null,
    )
    expect(analysis.bands.map(({ band, segments, share, words }) => [band, segments, words, share])).toEqual([
      ['context', 0, 0, 0],
      ['exact', 2, 1, 0.25],
      ['repetition', 0, 0, 0],
      ['fuzzy95', 0, 0, 0],
      ['fuzzy85', 0, 0, 0],
      ['fuzzy75', 0, 0, 0],
      ['none', 1, 3, 0.75],
    ])
    expect(analysis).not.toHaveProperty('cost')
    expect(summariseBands([], 0, null)).toMatchObject({ segments: 0, words: 0 })
  })

  test('a cost is rounded to the currency’s minor unit; JPY has none', () => {
    const counts = [{ band: 'none' as const, segments: 1, words: 7 }]
    expect(summariseBands(counts, 1, ratesFrom({ ...RATES, none: 0.123 }))?.cost).toEqual({ currency: 'EUR', total: 0.86 })
    expect(summariseBands(counts, 1, ratesFrom({ ...RATES, currency: 'JPY', none: 15.4 }))?.cost).toEqual({ currency: 'JPY', total: 108 })
    expect(combineAnalyses([summariseBands(counts, 1, null), summariseBands(counts, 2, null)], ratesFrom(RATES))).toMatchObject({
      cost: { currency: 'EUR', total: 1.68 },
      documents: 3,
      words: 14,
    })
  })

  test.each([
    ['none stored', undefined],
    ['no currency', { ...RATES, currency: null }],
    ['a band without a rate', { ...RATES, repetition: null }],
  ])('%s: no rates', (_, stored) => {
    expect(ratesFrom(stored)).toBeNull()
  })
})
