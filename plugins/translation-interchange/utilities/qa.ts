import { findPhoneNumbersInText, isSupportedCountry } from 'libphonenumber-js/max'

import { findTerm, type GlossaryEntry } from './glossary'

/** How serious a finding is: an `error` refuses a submit and an import, a `warning` is shown. */
export type QaLevel = 'error' | 'warning'

/** What a check is set to: a finding's level, or `off` (the check does not run). */
export type QaSeverity = 'off' | QaLevel

export const QA_SEVERITIES = ['error', 'warning', 'off'] as const satisfies readonly QaSeverity[]

/**
 * Every check: its name and what it catches (shown in the settings global and the translate view),
 * and its severity unless the plugin's options or the settings say otherwise. Modelled on
 * Weblate's checks where they apply to CMS content.
 */
export const QA_CHECKS = {
  doubleSpace: {
    description: 'Two or more spaces in a row in the translation where the source has none.',
    label: 'Double space',
    severity: 'warning',
  },
  email: { description: 'An e-mail address of the source missing or changed, or one added.', label: 'E-mail address', severity: 'error' },
  emptyTarget: { description: 'A field with text in the source left empty in the translation.', label: 'Empty translation', severity: 'error' },
  endPunctuation: {
    description:
      'The source ends in . ! ? : ; or an ellipsis and the translation does not end in the same kind, or the reverse (French spacing before ? ! : ; and ... for … are accepted).',
    label: 'Ending punctuation',
    severity: 'warning',
  },
  forbiddenTerm: { description: "A variant the glossary forbids (e.g. a stigmatising term) used in the translation.", label: 'Forbidden term', severity: 'error' },
  inlineTags: {
    description: 'Formatting of rich text (bold, links, line breaks) lost, added or broken in the translation.',
    label: 'Formatting tags',
    severity: 'error',
  },
  lengthRatio: {
    description: 'A translation under 0.4 or over 2.5 times the length of a source of 20 characters or more.',
    label: 'Length ratio',
    severity: 'warning',
  },
  linkTargets: {
    description: 'In rich text, a link of the source pointing elsewhere (or missing) in the translation, or a link added.',
    label: 'Link targets',
    severity: 'error',
  },
  markdown: {
    description: 'In plain-text fields, Markdown syntax (bold, emphasis, links, code, headings, list markers) that differs from the source.',
    label: 'Markdown syntax',
    severity: 'warning',
  },
  maxLength: {
    description: "A translation longer than the field allows (its maxLength, or custom.maxTranslationLength where it is printed or shown in a widget).",
    label: 'Maximum length',
    severity: 'error',
  },
  missingTerm: {
    description: "A glossary term of the source whose approved translation (or, for a do-not-translate term, the term itself) is not in the translation.",
    label: 'Glossary term not used',
    severity: 'warning',
  },
  number: { description: 'A number of the source missing or changed, or one added (written in any locale).', label: 'Number', severity: 'error' },
  phone: { description: 'A phone number of the source missing or changed, or one added.', label: 'Phone number', severity: 'error' },
  placeholder: { description: 'A variable ({name}, {{ name }}, %s, :name) of the source missing, or one added.', label: 'Variable', severity: 'error' },
  unchanged: {
    description:
      'A translation identical to a source that has words to translate (not when the whole text is do-not-translate terms, addresses or numbers).',
    label: 'Unchanged translation',
    severity: 'warning',
  },
  url: { description: 'A web address in the text of the source missing or changed, or one added.', label: 'Web address', severity: 'error' },
  whitespace: {
    description: 'Leading or trailing spaces or line breaks that differ from the source (each side named).',
    label: 'Leading/trailing whitespace',
    severity: 'warning',
  },
} as const satisfies Record<string, { description: string; label: string; severity: QaSeverity }>

export type QaCheck = keyof typeof QA_CHECKS

export const QA_CHECK_NAMES = Object.keys(QA_CHECKS) as QaCheck[]

/** The severity of every check; what `checkTranslation` is given. */
export type QaSeverities = Record<QaCheck, QaSeverity>

export const DEFAULT_QA_SEVERITIES = Object.fromEntries(QA_CHECK_NAMES.map((check) => [check, QA_CHECKS[check].severity])) as QaSeverities

/**
 * One problem found in a translation: which check (and its name, for people), how serious, in which
 * field, and the text at fault.
 */
export type QaFinding = { check: QaCheck; checkLabel: string; field: string; level: QaLevel; message: string; text: string }

export type QaInput = {
  /** The field's path or label, named in every finding. */
  field: string
  glossary?: GlossaryEntry[]
  /** Why the inline tags do not match the source's (see inline.ts `tagMismatch`), if they do not. */
  inlineTagProblem?: null | string
  /**
   * The targets of the rich text's links (inline.ts `linkTargetsOf`), source and translation. Absent
   * where a translation cannot change them: plain text, and an import (its links are the source's).
   */
  links?: { source: string[]; target: string[] }
  /** The locale of the translation, for its punctuation rules. */
  locale?: string
  /** The most characters the field takes in the translation (fields.ts `fieldMaxLength`). */
  maxLength?: number
  /** Country to read nationally written phone numbers in. */
  phoneCountry?: string
  /** Rich text, whose formatting is its tags: Markdown syntax is checked in plain-text fields only. */
  richText?: boolean
  source: string
  target: string
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/gi
const EMAIL_PATTERN = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu
/** {name}, {{ name }}, %s, %1$d, :name style variables. */
const PLACEHOLDER_PATTERN = /\{\{\s*[\w.]+\s*\}\}|\{[\w.]+\}|%(?:\d+\$)?[sdif]|(?<![\p{L}\p{N}]):[a-z_]\w*/giu
const NUMBER_PATTERN = /\p{N}+(?:[.,\u00a0\u202f ]\p{N}{3})*(?:[.,]\p{N}+)?/gu

/** Ratio of target to source length beyond which a translation is worth a second look. */
const LENGTH_RATIO = { max: 2.5, min: 0.4, minSourceLength: 20 }

type Span = { end: number; start: number; text: string }

const spansOf = (text: string, pattern: RegExp): Span[] =>
  [...text.matchAll(pattern)].map((match) => ({ end: match.index + match[0].length, start: match.index, text: match[0] }))

// A country the phone library does not know reads numbers as written internationally only.
const phonesOf = (text: string, country: string | undefined): Array<Span & { number: string }> =>
  findPhoneNumbersInText(text, country && isSupportedCountry(country) ? { defaultCountry: country } : undefined).map((found) => ({
    end: found.endsAt,
    number: found.number.number,
    start: found.startsAt,
    text: text.slice(found.startsAt, found.endsAt),
  }))

/** Values of one kind found in source and not in target (and the reverse), counted like bags. */
const difference = (source: string[], target: string[]): { extra: string[]; missing: string[] } => {
  const remaining = [...target]
  const missing: string[] = []
  for (const value of source) {
    const index = remaining.indexOf(value)
    if (index === -1) {
      missing.push(value)
    } else {
      remaining.splice(index, 1)
    }
  }
  return { extra: remaining, missing }
}

const outside = (spans: Span[], covered: Span[]) =>
  spans.filter((span) => !covered.some((cover) => span.start < cover.end && cover.start < span.end))

/** Digits only: "1,000.50" and "1.000,50" are the same number written in two locales. */
const digitsOf = (text: string) => text.replace(/\D/g, '')

type EndingKind = 'colon' | 'ellipsis' | 'exclamation mark' | 'full stop' | 'question mark' | 'semicolon'

const withArticle = (kind: EndingKind) => `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`

const ENDING_MARKS: Record<string, EndingKind> = { '!': 'exclamation mark', '.': 'full stop', ':': 'colon', ';': 'semicolon', '?': 'question mark' }

/**
 * Closing quotes and brackets after the mark ("Call now." and « Appelez ! »), and spaces: the
 * mark is read before them, so French, which puts a (narrow) no-break space before ? ! : ; and
 * inside guillemets, ends in the same kind as English.
 */
const TRAILING_CLOSERS = /[\s"'»”’)\]]+$/u

/** Locales that write a period after a number that is an ordinal or a date ("2026. december 3."): not a full stop. */
const ORDINAL_PERIOD_LOCALES = new Set(['hu'])

const endingOf = (line: string, locale: string | undefined): EndingKind | null => {
  const text = line.replace(TRAILING_CLOSERS, '')
  if (text.endsWith('...') || text.endsWith('…')) {
    return 'ellipsis'
  }
  if (locale && ORDINAL_PERIOD_LOCALES.has(locale.split('-')[0]) && /\p{N}\.$/u.test(text)) {
    return null
  }
  return ENDING_MARKS[text.at(-1) ?? ''] ?? null
}

/**
 * Ending punctuation that differs, line by line when both have as many lines (rich text's paragraphs
 * and list items are lines in its plain text), else at the end of the whole text.
 */
const endingMismatches = (source: string, target: string, locale: string | undefined) => {
  const sourceLines = source.split('\n')
  const targetLines = target.split('\n')
  const pairs: Array<[string, string]> =
    sourceLines.length === targetLines.length ? sourceLines.map((line, index) => [line, targetLines[index]]) : [[source, target]]
  return pairs.flatMap(([sourceLine, targetLine]) => {
    if (sourceLine.trim() === '' || targetLine.trim() === '') {
      return []
    }
    const expected = endingOf(sourceLine, undefined)
    // A Hungarian period after a number reads as an ordinal only where the source has no mark of its own.
    const found = endingOf(targetLine, expected ? undefined : locale)
    return expected === found ? [] : [{ expected, found, line: targetLine }]
  })
}

/**
 * Where a link leads, as compared: scheme and host in any case and a trailing slash on the path do
 * not matter; the query string and the fragment do (they choose a language, a section, a campaign).
 */
const linkKey = (target: string): string => {
  try {
    const url = new URL(target)
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}${url.search}${url.hash}`
  } catch {
    return target.trim()
  }
}

/**
 * Markdown syntax in plain text, in the order it is read: each kind is counted in the text with the
 * kinds before it blanked out, so a `*` inside code or ** of bold is not also emphasis.
 */
const MARKDOWN_SYNTAX: Array<[kind: string, pattern: RegExp]> = [
  ['inline code', /`[^`\n]+`/g],
  ['link', /\[[^\]\n]+\]\([^)\s]+\)/g],
  ['bold', /(\*\*|__)(?=\S)[^\n]*?\S\1/g],
  // Not inside a word: snake_case and 2*3*4 are not emphasis.
  ['emphasis', /(?<![\p{L}\p{N}*_\\])([*_])(?![\s*_])[^\n*_]*?[^\s*_\\]\1(?![\p{L}\p{N}*_])/gu],
  ['heading', /^ {0,3}#{1,6}[ \t]/gm],
  ['bullet list marker', /^ {0,3}[-*+][ \t]/gm],
  ['numbered list marker', /^ {0,3}\d{1,9}[.)][ \t]/gm],
]

const MARKDOWN_LINK_TARGET = /\]\(([^)\s]+)\)/g

const markdownOf = (text: string): Map<string, string[]> => {
  let rest = text
  const found = new Map<string, string[]>()
  for (const [kind, pattern] of MARKDOWN_SYNTAX) {
    found.set(
      kind,
      [...rest.matchAll(pattern)].map((match) => match[0]),
    )
    rest = rest.replace(pattern, (match) => ' '.repeat(match.length))
  }
  return found
}

/** True when some letter of the text lies outside the spans: there are words to translate. */
const hasLettersOutside = (text: string, covered: Span[]) =>
  [...text.matchAll(/\p{L}/gu)].some((match) => !covered.some((span) => match.index >= span.start && match.index < span.end))

const collapseSpaces = (text: string) => text.replace(/\s+/g, ' ').trim()

const describeSpace = (space: string) => (space === '' ? 'none' : JSON.stringify(space))

/**
 * Checks one translated field against its source, each check at its severity (`off` checks do not
 * report). Errors block a submission or an import; warnings are shown. Pure: the glossary, the
 * country and the severities come in with the call.
 */
export const checkTranslation = (input: QaInput, severities: QaSeverities = DEFAULT_QA_SEVERITIES): QaFinding[] => {
  const { field, source, target } = input
  const findings: QaFinding[] = []
  const add = (check: QaCheck, message: string, text: string) => {
    const level = severities[check]
    if (level !== 'off') {
      findings.push({ check, checkLabel: QA_CHECKS[check].label, field, level, message, text })
    }
  }
  if (source.trim() !== '' && target.trim() === '') {
    add('emptyTarget', 'The translation is empty.', target)
    // Whether reported or not: an empty translation has nothing else to compare.
    return findings
  }
  if (input.inlineTagProblem) {
    add('inlineTags', `The formatting tags differ from the source: ${input.inlineTagProblem}.`, target)
  }
  const compare = (check: QaCheck, what: string, sourceValues: string[], targetValues: string[], shown = (value: string) => value) => {
    const { extra, missing } = difference(sourceValues, targetValues)
    for (const value of missing) {
      add(check, `${what} ${shown(value)} of the source is missing or changed in the translation.`, value)
    }
    for (const value of extra) {
      add(check, `${what} ${shown(value)} is in the translation but not in the source.`, value)
    }
  }
  const sourceUrls = spansOf(source, URL_PATTERN)
  const targetUrls = spansOf(target, URL_PATTERN)
  const sourceEmails = spansOf(source, EMAIL_PATTERN)
  const targetEmails = spansOf(target, EMAIL_PATTERN)
  const sourcePhones = outside(phonesOf(source, input.phoneCountry), [...sourceUrls, ...sourceEmails]) as Array<Span & { number: string }>
  const targetPhones = outside(phonesOf(target, input.phoneCountry), [...targetUrls, ...targetEmails]) as Array<Span & { number: string }>
  compare(
    'url',
    'The address',
    sourceUrls.map((span) => span.text),
    targetUrls.map((span) => span.text),
  )
  compare(
    'email',
    'The e-mail address',
    sourceEmails.map((span) => span.text),
    targetEmails.map((span) => span.text),
  )
  {
    const { extra, missing } = difference(
      sourcePhones.map((phone) => phone.number),
      targetPhones.map((phone) => phone.number),
    )
    for (const number of missing) {
      add(
        'phone',
        `The phone number ${sourcePhones.find((phone) => phone.number === number)?.text} of the source is missing or changed in the translation.`,
        number,
      )
    }
    for (const number of extra) {
      const text = targetPhones.find((phone) => phone.number === number)?.text ?? number
      add('phone', `The phone number ${text} is in the translation but not in the source.`, text)
    }
  }
  compare(
    'placeholder',
    'The variable',
    spansOf(source, PLACEHOLDER_PATTERN).map((span) => span.text),
    spansOf(target, PLACEHOLDER_PATTERN).map((span) => span.text),
  )
  const coveredInSource = [...sourceUrls, ...sourceEmails, ...sourcePhones, ...spansOf(source, PLACEHOLDER_PATTERN)]
  const coveredInTarget = [...targetUrls, ...targetEmails, ...targetPhones, ...spansOf(target, PLACEHOLDER_PATTERN)]
  {
    const sourceNumbers = outside(spansOf(source, NUMBER_PATTERN), coveredInSource)
    const targetNumbers = outside(spansOf(target, NUMBER_PATTERN), coveredInTarget)
    const { extra, missing } = difference(
      sourceNumbers.map((span) => digitsOf(span.text)),
      targetNumbers.map((span) => digitsOf(span.text)),
    )
    for (const digits of missing) {
      add(
        'number',
        `The number ${sourceNumbers.find((span) => digitsOf(span.text) === digits)?.text} of the source is missing or changed in the translation.`,
        digits,
      )
    }
    for (const digits of extra) {
      const text = targetNumbers.find((span) => digitsOf(span.text) === digits)?.text ?? digits
      add('number', `The number ${text} is in the translation but not in the source.`, text)
    }
  }
  for (const entry of input.glossary ?? []) {
    for (const variant of entry.forbidden ?? []) {
      for (const match of findTerm(target, variant)) {
        add(
          'forbiddenTerm',
          `"${match.text}" must not be used${entry.approvedTranslation ? `; use "${entry.approvedTranslation}"` : ''}.`,
          match.text,
        )
      }
    }
    if (findTerm(source, entry.term).length === 0) {
      continue
    }
    const expected = entry.doNotTranslate ? entry.term : entry.approvedTranslation
    if (expected && findTerm(target, expected).length === 0) {
      add('missingTerm', `The source uses "${entry.term}"; the glossary's translation "${expected}" is not in the translation.`, entry.term)
    }
  }
  if (source.length >= LENGTH_RATIO.minSourceLength) {
    const ratio = target.length / source.length
    if (ratio < LENGTH_RATIO.min || ratio > LENGTH_RATIO.max) {
      add('lengthRatio', `The translation is ${ratio.toFixed(1)} times as long as the source.`, target)
    }
  }
  const edges = (text: string) => [/^\s*/.exec(text)?.[0] ?? '', /\s*$/.exec(text)?.[0] ?? '']
  const [sourceLead, sourceTrail] = edges(source)
  const [targetLead, targetTrail] = edges(target)
  if (sourceLead !== targetLead) {
    add(
      'whitespace',
      `Leading whitespace differs from the source: ${describeSpace(sourceLead)} in the source, ${describeSpace(targetLead)} in the translation.`,
      JSON.stringify(target.slice(0, targetLead.length + 12)),
    )
  }
  if (sourceTrail !== targetTrail) {
    add(
      'whitespace',
      `Trailing whitespace differs from the source: ${describeSpace(sourceTrail)} in the source, ${describeSpace(targetTrail)} in the translation.`,
      JSON.stringify(target.slice(Math.max(0, target.length - targetTrail.length - 12))),
    )
  }
  for (const span of spansOf(target, / {2,}/g)) {
    if (!source.includes(span.text)) {
      add('doubleSpace', 'The translation has a double space.', target.slice(Math.max(0, span.start - 10), span.end + 10))
      break
    }
  }
  for (const { expected, found, line } of endingMismatches(source, target, input.locale)) {
    add(
      'endPunctuation',
      expected
        ? `The source ends with ${withArticle(expected)}; the translation ${found ? `ends with ${withArticle(found)}` : 'has no ending punctuation'}.`
        : `The source has no ending punctuation; the translation ends with ${withArticle(found as EndingKind)}.`,
      line.trim().slice(-30),
    )
  }
  if (collapseSpaces(source) === collapseSpaces(target)) {
    // Names, addresses, numbers and variables stay as they are; only words left around them are translated.
    const doNotTranslate = (input.glossary ?? []).filter((entry) => entry.doNotTranslate).flatMap((entry) => findTerm(source, entry.term))
    if (hasLettersOutside(source, [...coveredInSource, ...doNotTranslate])) {
      add('unchanged', 'The translation is the same as the source.', target.trim().slice(0, 60))
    }
  }
  if (input.maxLength !== undefined && target.length > input.maxLength) {
    add(
      'maxLength',
      `The translation has ${target.length} characters; this field takes at most ${input.maxLength}.`,
      target.slice(input.maxLength),
    )
  }
  if (input.links) {
    const targets = (links: string[]) => new Map(links.map((link) => [linkKey(link), link]))
    const sourceLinks = targets(input.links.source)
    const targetLinks = targets(input.links.target)
    const { extra, missing } = difference(input.links.source.map(linkKey), input.links.target.map(linkKey))
    for (const key of missing) {
      add('linkTargets', `The link to ${sourceLinks.get(key)} of the source is missing or points elsewhere in the translation.`, sourceLinks.get(key) ?? key)
    }
    for (const key of extra) {
      add('linkTargets', `The link to ${targetLinks.get(key)} is in the translation but not in the source.`, targetLinks.get(key) ?? key)
    }
  }
  if (!input.richText) {
    const sourceSyntax = markdownOf(source)
    const targetSyntax = markdownOf(target)
    for (const [kind, inSource] of sourceSyntax) {
      const inTarget = targetSyntax.get(kind) ?? []
      if (inSource.length !== inTarget.length) {
        add(
          'markdown',
          `Markdown ${kind}: ${inSource.length} in the source, ${inTarget.length} in the translation.`,
          (inSource.length > inTarget.length ? inSource : inTarget)[Math.min(inSource.length, inTarget.length)].trim(),
        )
      }
    }
    compare(
      'markdown',
      'The Markdown link target',
      (sourceSyntax.get('link') ?? []).flatMap((link) => [...link.matchAll(MARKDOWN_LINK_TARGET)].map((match) => match[1])),
      (targetSyntax.get('link') ?? []).flatMap((link) => [...link.matchAll(MARKDOWN_LINK_TARGET)].map((match) => match[1])),
    )
  }
  return findings
}

export const hasErrors = (findings: QaFinding[]): boolean => findings.some((finding) => finding.level === 'error')
