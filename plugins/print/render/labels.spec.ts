import { defaultPrintLabels, labelsFor, languageNames, printLanguage } from './labels'

const locales = ['en', 'fr', 'de', 'nl', 'sv', 'hu', 'ro', 'pt', 'sq', 'nb']

describe('print labels', () => {
  test('every locale has every label, and a name for itself and for English', () => {
    expect(Object.keys(defaultPrintLabels).sort()).toEqual([...locales].sort())
    for (const locale of locales) {
      expect(Object.keys(defaultPrintLabels[locale]).sort()).toEqual(Object.keys(defaultPrintLabels.en).sort())
      expect(Object.values(defaultPrintLabels[locale]).every((label) => label.trim().length > 0)).toBe(true)
      // The notice must show the reader which tag it is about.
      expect(defaultPrintLabels[locale].notTranslated).toContain('{mark}')
      expect(languageNames[locale]).toEqual({ english: expect.any(String), self: expect.any(String) })
    }
  })

  test('Romanian is written with the comma below (ș ț), never the cedilla (ş ţ)', () => {
    const romanian = Object.values(defaultPrintLabels.ro).join(' ') + languageNames.ro.english + languageNames.ro.self
    expect(romanian).toMatch(/[șț]/)
    expect(romanian).not.toMatch(/[şţŞŢ]/)
  })

  test('labelsFor falls back to English per key and takes overrides on top', () => {
    expect(labelsFor('hu').page).toBe('Oldal')
    expect(labelsFor('it')).toEqual(defaultPrintLabels.en)
    const labels = labelsFor('hu', { page: 'Lap', version: '' })
    expect(labels.page).toBe('Lap')
    expect(labels.version).toBe('Verzió')
  })

  test('printLanguage names the print language in itself and English in it', () => {
    expect(printLanguage('hu')).toEqual({ languageName: 'Magyar', sourceLanguageName: 'angol' })
    expect(printLanguage('ro')).toEqual({ languageName: 'Română', sourceLanguageName: 'engleză' })
    expect(printLanguage('xx')).toEqual({ languageName: 'xx', sourceLanguageName: 'English' })
  })
})
