/** A glossary entry as QA and the editor use it (see collections/GlossaryTerms.ts). */
export type GlossaryEntry = {
  /** The approved translation in the entry's locale; absent for a term kept as it is. */
  approvedTranslation?: null | string
  definition?: null | string
  /** Keep the term as it is in every translation (a name, an acronym). */
  doNotTranslate?: boolean | null
  /** Variants that must never appear in a translation (stigmatising or misleading terms). */
  forbidden?: null | string[]
  /** The source-language term. */
  term: string
}

export type TermMatch = { end: number; entry: GlossaryEntry; start: number; text: string }

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A whole-word, case-insensitive pattern for a term in any script. */
const termPattern = (term: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term.trim())}(?![\\p{L}\\p{N}])`, 'giu')

/** Occurrences of a phrase in a text, as whole words, ignoring case. */
export const findTerm = (text: string, term: string): Array<{ end: number; start: number; text: string }> =>
  term.trim() === ''
    ? []
    : [...text.matchAll(termPattern(term))].map((match) => ({ end: match.index + match[0].length, start: match.index, text: match[0] }))

/** Glossary terms in a source text, in order: what the editor highlights. */
export const glossaryTermsIn = (source: string, entries: GlossaryEntry[]): TermMatch[] =>
  entries.flatMap((entry) => findTerm(source, entry.term).map((match) => ({ ...match, entry }))).sort((a, b) => a.start - b.start)
