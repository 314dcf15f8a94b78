import type { Entry, Path } from '../../../translation-workflow/exports/client'

/*
 * What the translate editor's help reads from this plugin's suggestions and QA endpoints, as their
 * JSON answers it (the client bundle does not import the server's modules).
 */

export type GlossaryMatch = {
  approvedTranslation: null | string
  definition: null | string
  doNotTranslate: boolean
  /** Offsets in the unit's plain source text. */
  end: number
  start: number
  term: string
}

export type MemoryMatch = { needsReview: boolean; origin: null | string; score: number; source: string; target: string }

/** One field's help, keyed by the same dotted path as an entry's `diffKey`. */
export type SuggestionUnit = {
  field: string
  glossary: GlossaryMatch[]
  id: string
  machineTranslation: { needsReview: boolean; provider: string; text: string } | null
  /** Why the unit's provider gave no suggestion; null when it did, or when the unit is not sent at all. */
  machineTranslationProblem: { provider: string; reason: string } | null
  memory: MemoryMatch[]
  /** Filled by a pre-translation (memory 101/100 or a provider) and kept marked for the reviewer. */
  preTranslated?: { at: string; memoryOrigin?: null | string; origin: string } | null
  source: string
}

export type QaFinding = {
  check: string
  /** The check's name, as the settings list it (`Ending punctuation`). */
  checkLabel?: string
  field: string
  level: 'error' | 'warning'
  message: string
  text: string
  unit?: string
}

/** A memory match at least this good is the same source text: it may fill an empty field. */
export const EXACT_SCORE = 100

export const scoreLabel = (score: number) => (score > EXACT_SCORE ? '101% (same text, same place)' : `${score}%`)

/** How a pre-translated field was filled, in words: "the translation memory (101 %)", "machine translation (DeepL)". */
export const preTranslationOriginLabel = (origin: string): string =>
  origin.startsWith('machine:')
    ? `machine translation (${origin.slice('machine:'.length)})`
    : `the translation memory (${scoreLabel(origin === 'memory-101' ? 101 : EXACT_SCORE)})`

/** The one input a suggestion can fill: a text field, or a rich text with a single text node. */
export const inputPathOf = (entry: Entry): null | Path =>
  entry.kind === 'text' || entry.kind === 'textarea'
    ? entry.path
    : entry.kind === 'richText' && entry.richTextNodes?.length === 1
      ? entry.richTextNodes[0]!.path
      : null

/** The glossary's terms as spans of the source text: plain text between highlighted terms, overlaps dropped. */
export const glossarySegments = (text: string, matches: readonly GlossaryMatch[]): Array<{ match?: GlossaryMatch; text: string }> => {
  const segments: Array<{ match?: GlossaryMatch; text: string }> = []
  let at = 0
  for (const match of [...matches].sort((a, b) => a.start - b.start)) {
    if (match.start < at || match.end > text.length) {
      continue
    }
    if (match.start > at) {
      segments.push({ text: text.slice(at, match.start) })
    }
    segments.push({ match, text: text.slice(match.start, match.end) })
    at = match.end
  }
  return at < text.length ? [...segments, { text: text.slice(at) }] : segments
}

/** What a term's highlight says on hover. */
export const glossaryTitle = (match: GlossaryMatch): string =>
  [
    match.doNotTranslate ? 'Do not translate' : match.approvedTranslation ? `Approved translation: ${match.approvedTranslation}` : null,
    match.definition,
  ]
    .filter(Boolean)
    .join(' · ') || `Glossary term: ${match.term}`

/**
 * The exact memory matches that fill inputs still empty on load, by input path: suggestions the
 * translator reviews, never saved without them.
 */
export const exactPrefills = (
  entries: readonly Entry[],
  units: readonly SuggestionUnit[],
  valueAt: (path: Path) => unknown,
): Array<{ match: MemoryMatch; path: Path }> => {
  const byId = new Map(units.map((unit) => [unit.id, unit]))
  return entries.flatMap((entry) => {
    const path = entry.kind === 'text' || entry.kind === 'textarea' ? entry.path : null
    const match = byId.get(entry.diffKey)?.memory.find(({ score }) => score >= EXACT_SCORE)
    return path && match && String(valueAt(path) ?? '') === '' ? [{ match, path }] : []
  })
}

const isFinding = (value: unknown): value is QaFinding =>
  typeof value === 'object' && value !== null && 'level' in value && 'message' in value

/** The QA findings a refused submit carried (`errors[].data.findings`), if any. */
export const findingsOfRefusal = (data: readonly unknown[]): QaFinding[] =>
  data.flatMap((item) => {
    const findings = typeof item === 'object' && item !== null ? (item as { findings?: unknown }).findings : undefined
    return Array.isArray(findings) ? findings.filter(isFinding) : []
  })
