import type { GlossaryEntry } from './glossary'

import { checkTranslation, DEFAULT_QA_SEVERITIES, hasErrors, QA_CHECK_NAMES, QA_CHECKS } from './qa'

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

const only = (check: string, input: Parameters<typeof checkTranslation>[0]) =>
  checkTranslation(input).filter((finding) => finding.check === check)

describe('leading and trailing whitespace', () => {
  test('each side is compared on its own and named', () => {
    expect(only('whitespace', { field: 'title', source: ' Hello', target: 'Hallo ' }).map((finding) => finding.message)).toEqual([
      'Leading whitespace differs from the source: " " in the source, none in the translation.',
      'Trailing whitespace differs from the source: none in the source, " " in the translation.',
    ])
  })

  test('the same edges pass', () => {
    expect(only('whitespace', { field: 'title', source: ' Hello\n', target: ' Hallo\n' })).toEqual([])
  })
})

describe('ending punctuation', () => {
  const ending = (source: string, target: string, locale = 'nl') =>
    only('endPunctuation', { field: 'title', locale, source, target }).map((finding) => finding.message)

  test.each([
    ['a full stop kept', 'Call us.', 'Bel ons.', 'nl'],
    ['French space before ?', 'Are you safe?', 'Êtes-vous en sécurité ?', 'fr'],
    ['French narrow no-break space before !', 'Call now!', 'Appelez maintenant\u202f!', 'fr'],
    ['French no-break space before :', 'Note:', 'Remarque\u00a0:', 'fr'],
    ['French guillemets after the mark', '"Call now!"', '« Appelez maintenant ! »', 'fr'],
    ['three dots for an ellipsis', 'Loading…', 'Laden...', 'nl'],
    ['an ellipsis for three dots', 'Loading...', 'Laden…', 'nl'],
    ['no punctuation on either side', 'Call 116 006', 'Bel 116 006', 'nl'],
    ['a Hungarian date ending in a period', 'Open until 3 May', 'Nyitva május 3.', 'hu'],
  ])('%s passes', (_, source, target, locale) => {
    expect(ending(source, target, locale)).toEqual([])
  })

  test.each([
    ['a question turned into a statement', 'Are you safe?', 'Ben je veilig.', 'The source ends with a question mark; the translation ends with a full stop.'],
    ['a lost full stop', 'Call us.', 'Bel ons', 'The source ends with a full stop; the translation has no ending punctuation.'],
    ['an added full stop', 'Call 116 006', 'Bel 116 006.', 'The source has no ending punctuation; the translation ends with a full stop.'],
    ['a colon for a semicolon', 'First this;', 'Eerst dit:', 'The source ends with a semicolon; the translation ends with a colon.'],
    ['an ellipsis lost', 'Loading...', 'Laden.', 'The source ends with an ellipsis; the translation ends with a full stop.'],
  ])('%s is found', (_, source, target, message) => {
    expect(ending(source, target)).toEqual([message])
  })

  test('a Hungarian period after a number is still a full stop where the source has one', () => {
    expect(ending('Open until 3 May.', 'Nyitva május 3.', 'hu')).toEqual([])
    expect(ending('Open until 3 May!', 'Nyitva május 3.', 'hu')).toHaveLength(1)
  })

  test('paragraphs are compared one by one', () => {
    expect(ending('Know the signs.\nCall us!', 'Ken de signalen.\nBel ons.')).toEqual([
      'The source ends with an exclamation mark; the translation ends with a full stop.',
    ])
  })
})

describe('unchanged translation', () => {
  const dnt: GlossaryEntry[] = [{ doNotTranslate: true, term: 'La Strada' }, { doNotTranslate: true, term: 'Europol' }]
  test.each([
    ['a sentence left in English', 'Know the signs', true],
    ['spacing alone does not make a translation', 'Know  the signs ', true],
    ['a do-not-translate name', 'La Strada', false],
    ['do-not-translate names with punctuation', 'La Strada / Europol', false],
    ['a web address', 'https://example.org/help', false],
    ['a phone number', '+32 3 201 16 90', false],
    ['an e-mail address', 'help@example.org', false],
    ['digits only', '116 006', false],
    ['a name with a word around it', 'La Strada International', true],
  ])('%s: %s', (_, text, flagged) => {
    const findings = only('unchanged', { field: 'title', glossary: dnt, phoneCountry: 'BE', source: text.trim(), target: text })
    expect(findings.length > 0).toBe(flagged)
  })
})

describe('maximum length', () => {
  test('over the limit is found, with the part that does not fit', () => {
    expect(only('maxLength', { field: 'name', maxLength: 10, source: 'Hotline', target: 'Hulplijn voor' })).toEqual([
      expect.objectContaining({ level: 'error', message: 'The translation has 13 characters; this field takes at most 10.', text: 'oor' }),
    ])
  })

  test('at the limit, or without one, passes', () => {
    expect(only('maxLength', { field: 'name', maxLength: 8, source: 'Hotline', target: 'Hulplijn' })).toEqual([])
    expect(only('maxLength', { field: 'name', source: 'Hotline', target: 'Hulplijn'.repeat(50) })).toEqual([])
  })
})

describe('link targets', () => {
  const linkFindings = (source: string[], target: string[]) =>
    only('linkTargets', { field: 'summary', links: { source, target }, richText: true, source: 'Read the guide.', target: 'Lees de gids.' }).map(
      (finding) => finding.message,
    )

  test.each([
    ['the same link', ['https://example.org/guide'], ['https://example.org/guide']],
    ['the host in capitals and a trailing slash', ['https://example.org/guide'], ['https://EXAMPLE.org/guide/']],
    ['links reordered', ['https://a.example/', 'https://b.example/'], ['https://b.example/', 'https://a.example/']],
    ['the same document', ['phases/12'], ['phases/12']],
  ])('%s passes', (_, source, target) => {
    expect(linkFindings(source, target)).toEqual([])
  })

  test('a changed query string is a link elsewhere', () => {
    expect(linkFindings(['https://example.org/guide?lang=en'], ['https://example.org/guide?lang=nl'])).toEqual([
      'The link to https://example.org/guide?lang=en of the source is missing or points elsewhere in the translation.',
      'The link to https://example.org/guide?lang=nl is in the translation but not in the source.',
    ])
  })

  test('a link to another document, a lost link and an added one are found', () => {
    expect(linkFindings(['phases/12'], ['phases/13'])).toHaveLength(2)
    expect(linkFindings(['https://example.org/'], [])).toHaveLength(1)
    expect(linkFindings([], ['https://example.org/'])).toHaveLength(1)
  })

  test('without links to compare (plain text, an import) nothing is checked', () => {
    expect(only('linkTargets', { field: 'summary', source: 'Read the guide.', target: 'Lees de gids.' })).toEqual([])
  })
})

describe('Markdown syntax in plain text', () => {
  const markdown = (source: string, target: string, richText = false) =>
    only('markdown', { field: 'notes', richText, source, target }).map((finding) => finding.message)

  test.each([
    ['bold, emphasis and code kept', 'Call **now**, *free* of `charge`.', 'Bel **nu**, _gratis_ en `kosteloos`.'],
    ['a link kept, its text translated', 'See [the guide](/guide).', 'Zie [de gids](/guide).'],
    ['list markers kept', '- one\n- two\n1. first', '- een\n- twee\n1. eerste'],
    ['snake_case and arithmetic are not emphasis', 'Use field_name_here and 2*3*4', 'Gebruik field_name_here en 2*3*4'],
    ['a heading kept', '# Help', '# Hulp'],
  ])('%s passes', (_, source, target) => {
    expect(markdown(source, target)).toEqual([])
  })

  test.each([
    ['bold in the source only', 'Call **now**.', 'Bel nu.', 'Markdown bold: 1 in the source, 0 in the translation.'],
    ['emphasis added', 'Free of charge.', 'Helemaal *gratis*.', 'Markdown emphasis: 0 in the source, 1 in the translation.'],
    ['a code span lost', 'Type `help`.', 'Typ help.', 'Markdown inline code: 1 in the source, 0 in the translation.'],
    ['a list marker lost', '- one\n- two', '- een\ntwee', 'Markdown bullet list marker: 2 in the source, 1 in the translation.'],
    ['a heading lost', '## Help', 'Hulp', 'Markdown heading: 1 in the source, 0 in the translation.'],
  ])('%s is found', (_, source, target, message) => {
    expect(markdown(source, target)).toEqual([message])
  })

  test("a Markdown link's changed target is found", () => {
    expect(markdown('See [the guide](/guide).', 'Zie [de gids](/gids).')).toEqual([
      'The Markdown link target /guide of the source is missing or changed in the translation.',
      'The Markdown link target /gids is in the translation but not in the source.',
    ])
  })

  test('rich text is not read as Markdown (its formatting is its tags)', () => {
    expect(markdown('Call **now**.', 'Bel nu.', true)).toEqual([])
  })
})

describe('severities', () => {
  test('a check set to error, warning or off reports at that level or not at all', () => {
    const input = { field: 'title', source: 'Call us.', target: 'Bel ons' }
    const levels = (severity: 'error' | 'off' | 'warning') =>
      checkTranslation(input, { ...DEFAULT_QA_SEVERITIES, endPunctuation: severity }).map(({ check, checkLabel, level }) => ({ check, checkLabel, level }))
    expect(levels('error')).toEqual([{ check: 'endPunctuation', checkLabel: 'Ending punctuation', level: 'error' }])
    expect(levels('warning')).toEqual([{ check: 'endPunctuation', checkLabel: 'Ending punctuation', level: 'warning' }])
    expect(levels('off')).toEqual([])
  })

  test('an empty translation with its check off is not compared further', () => {
    expect(checkTranslation({ field: 'title', source: 'Call +32 3 201 16 90', target: '' }, { ...DEFAULT_QA_SEVERITIES, emptyTarget: 'off' })).toEqual([])
  })

  test('every check has a name, a description and a default severity', () => {
    for (const check of QA_CHECK_NAMES) {
      expect(QA_CHECKS[check]).toEqual({ description: expect.any(String), label: expect.any(String), severity: expect.stringMatching(/^(error|warning)$/) })
    }
  })
})
