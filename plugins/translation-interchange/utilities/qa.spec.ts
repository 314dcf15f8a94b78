import type { GlossaryEntry } from './glossary'

import { checkTranslation, hasErrors } from './qa'

const glossary: GlossaryEntry[] = [
  { approvedTranslation: 'slachtoffer van mensenhandel', forbidden: ['prostituee'], term: 'victim of trafficking' },
  { doNotTranslate: true, term: 'La Strada' },
]

const checks = (source: string, target: string, extra: Partial<Parameters<typeof checkTranslation>[0]> = {}) =>
  checkTranslation({ field: 'summary', glossary, phoneCountry: 'BE', source, target, ...extra }).map((finding) => [
    finding.check,
    finding.level,
    finding.text,
  ])

describe('checkTranslation', () => {
  test('a faithful translation passes', () => {
    expect(checks('Call +32 3 201 16 90 or write to help@example.org.', 'Bel +32 3 201 16 90 of schrijf naar help@example.org.')).toEqual(
      [],
    )
  })

  test('a changed phone number is an error naming the number', () => {
    const findings = checkTranslation({
      field: 'summary',
      phoneCountry: 'BE',
      source: 'Call 03 201 16 90 today.',
      target: 'Bel vandaag 03 201 16 91.',
    })
    expect(findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ check: 'phone', field: 'summary', level: 'error', text: '+3232011690' })]),
    )
    expect(hasErrors(findings)).toBe(true)
  })

  test('the same phone number written differently is the same number', () => {
    expect(checks('Call 03 201 16 90.', 'Bel +32 3 201 16 90.')).toEqual([])
  })

  test('a forbidden term is an error naming the term', () => {
    expect(checks('She is a victim of trafficking.', 'Zij is een Prostituee.')).toEqual(
      expect.arrayContaining([
        ['forbiddenTerm', 'error', 'Prostituee'],
        ['missingTerm', 'warning', 'victim of trafficking'],
      ]),
    )
  })

  test.each([
    ['empty target', 'Hello', '  ', 'emptyTarget'],
    ['a changed URL', 'See https://example.org/help.', 'Zie https://example.org/hulp.', 'url'],
    ['a changed e-mail address', 'Write to help@example.org', 'Schrijf naar hulp@example.org', 'email'],
    ['a changed number', 'Open 7 days a week', 'Open 6 dagen per week', 'number'],
    ['a lost placeholder', 'Hello {name}, you have %d messages', 'Hallo, je hebt %d berichten', 'placeholder'],
    ['a tag problem', 'Hello', 'Hallo', 'inlineTags'],
  ])('%s is an error', (_, source, target, check) => {
    const findings = checkTranslation({
      field: 'title',
      inlineTagProblem: check === 'inlineTags' ? 'tag "f1" missing' : null,
      source,
      target,
    })
    expect(findings.find((finding) => finding.check === check)).toMatchObject({ field: 'title', level: 'error' })
  })

  test('numbers written in another locale are the same number', () => {
    expect(checks('Costs 1,000.50 euro', 'Kost 1.000,50 euro')).toEqual([])
  })

  test.each([
    ['a length ratio outlier', 'This sentence is long enough to measure.', 'Kort.', 'lengthRatio'],
    ['a trailing space', 'Hello', 'Hallo ', 'whitespace'],
    ['a double space', 'Hello world', 'Hallo  wereld', 'doubleSpace'],
    ['a do-not-translate term translated', 'Contact La Strada', 'Contacteer De Straat', 'missingTerm'],
  ])('%s is a warning', (_, source, target, check) => {
    const findings = checkTranslation({ field: 'title', glossary, source, target })
    expect(findings.find((finding) => finding.check === check)).toMatchObject({ level: 'warning' })
    expect(hasErrors(findings)).toBe(false)
  })
})
