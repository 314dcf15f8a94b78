import { deletionsOf, entryKeys, queryKeys, typoKeysOf, wordsOf } from './terms'

describe('wordsOf', () => {
  test('folds case and accents, keeps letters and digits of every script, drops one-letter words and repeats', () => {
    expect(wordsOf('Södertälje Stödlinje — 24/7, a STÖDLINJE!')).toEqual(['sodertalje', 'stodlinje', '24'])
    expect(wordsOf('Linja e ndihmës për fëmijët 116 111')).toEqual(['linja', 'ndihmes', 'per', 'femijet', '116', '111'])
    expect(wordsOf('Телефон доверия')).toEqual(['телефон', 'доверия'])
  })

  test('a word longer than anyone types is not indexed', () => {
    expect(wordsOf(`short ${'x'.repeat(41)}`)).toEqual(['short'])
  })
})

describe('typo keys', () => {
  test('a word of four letters or more gives each one-deletion variant once', () => {
    expect(deletionsOf('form')).toEqual(['orm', 'frm', 'fom', 'for'])
    expect(deletionsOf('book')).toEqual(['ook', 'bok', 'boo'])
    expect(deletionsOf('abc')).toEqual([])
  })

  test('a query word and a title word one edit apart share a key; two edits apart they do not', () => {
    const stored = new Set(entryKeys(['helpline'], []))
    const shares = (word: string) => queryKeys(word).some((key) => stored.has(key))
    expect(['helpline', 'helpine', 'helplines', 'hlepline', 'helpkine'].map(shares)).toEqual([true, true, true, true, true])
    expect(['hepine', 'hotline'].map(shares)).toEqual([false, false])
    const near = (a: string, b: string) => typoKeysOf(a).some((key) => typoKeysOf(b).includes(key))
    expect(near('hlepline', 'helpline')).toBe(true)
    expect(near('hepine', 'helpline')).toBe(false)
    // Short words are matched exactly only: "cat" is not "cut".
    expect(near('cat', 'cut')).toBe(false)
  })

  test('body words are found exactly only', () => {
    const stored = new Set(entryKeys([], ['shelter']))
    expect(queryKeys('shelter').some((key) => stored.has(key))).toBe(true)
    expect(queryKeys('shelte').some((key) => stored.has(key))).toBe(false)
  })
})
