import { findPhoneNumbersInText, isSupportedCountry } from 'libphonenumber-js/max'

import { findTerm, type GlossaryEntry } from './glossary'

export type QaLevel = 'error' | 'warning'

export const QA_CHECKS = {
  doubleSpace: 'warning',
  email: 'error',
  emptyTarget: 'error',
  forbiddenTerm: 'error',
  inlineTags: 'error',
  lengthRatio: 'warning',
  missingTerm: 'warning',
  number: 'error',
  phone: 'error',
  placeholder: 'error',
  url: 'error',
  whitespace: 'warning',
} as const satisfies Record<string, QaLevel>

export type QaCheck = keyof typeof QA_CHECKS

/** One problem found in a translation: which check, how serious, in which field, and the text at fault. */
export type QaFinding = { check: QaCheck; field: string; level: QaLevel; message: string; text: string }

export type QaInput = {
  /** The field's path or label, named in every finding. */
  field: string
  glossary?: GlossaryEntry[]
  /** Why the inline tags do not match the source's (see inline.ts `tagMismatch`), if they do not. */
  inlineTagProblem?: null | string
  /** Country to read nationally written phone numbers in. */
  phoneCountry?: string
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

/**
 * Checks one translated field against its source. Errors block a submission or an import; warnings
 * are shown. Pure: the glossary and the country come in with the input.
 */
export const checkTranslation = (input: QaInput): QaFinding[] => {
  const { field, source, target } = input
  const findings: QaFinding[] = []
  const add = (check: QaCheck, message: string, text: string) => findings.push({ check, field, level: QA_CHECKS[check], message, text })
  if (source.trim() !== '' && target.trim() === '') {
    add('emptyTarget', 'The translation is empty.', target)
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
  if (sourceLead !== targetLead || sourceTrail !== targetTrail) {
    add('whitespace', 'Leading or trailing spaces differ from the source.', JSON.stringify(target))
  }
  for (const span of spansOf(target, / {2,}/g)) {
    if (!source.includes(span.text)) {
      add('doubleSpace', 'The translation has a double space.', target.slice(Math.max(0, span.start - 10), span.end + 10))
      break
    }
  }
  return findings
}

export const hasErrors = (findings: QaFinding[]): boolean => findings.some((finding) => finding.level === 'error')
