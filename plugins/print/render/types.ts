/**
 * What a print template is given. The plugin reads published content as an anonymous reader
 * would and turns it into these plain shapes, so a template never sees drafts, staff-only fields
 * or Payload at all, and the same input always gives the same PDF text.
 *
 * `fallback: true` on a piece of text means it is shown in the source language because it has
 * not been translated into the print's language: templates must mark it as such.
 */
export type PrintInline = { bold?: boolean; href?: string; italic?: boolean; text: string }

export type PrintBlock =
  | { items: PrintBlock[][]; kind: 'list'; ordered: boolean }
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; text: string }
  | { kind: 'paragraph'; runs: PrintInline[] }
  | { kind: 'quote'; runs: PrintInline[] }

/** Every PDF says what it is: its language, its version (a fingerprint of its content) and when it was made. */
export type PrintStamp = {
  generatedAt: string
  /** The print's language, named in that language ("Magyar"). */
  languageName: string
  locale: string
  /** The source language's name in the print's language ("angol"), for the not-yet-translated mark. */
  sourceLanguageName: string
  /** The source language's code ("en", the default); its upper case is the mark on untranslated text ("[EN]"). */
  sourceLocale?: string
  version: string
}

export type PrintHotline = {
  alternativeNumbers: { label?: string; number: string }[]
  /** Opening hours already written out in the print's language, or the 24/7 label. */
  availability: string
  chat?: string
  /** ISO 3166-1 alpha-2, or EU for the EU-wide harmonised numbers. */
  country: string
  countryName: string
  email?: string
  fallback?: boolean
  freeOfCharge: boolean
  /** Names of the languages the operators speak, in the print's language. */
  languages: string[]
  name: string
  phone: string
  sms?: string
  website?: string
}

/** Fixed words on the page ("Contents", "Page"), in the print's language. */
export type PrintLabels = Record<PrintLabelKey, string>

export type PrintLabelKey =
  | 'availability'
  | 'chat'
  | 'contents'
  | 'email'
  | 'euWide'
  | 'freeOfCharge'
  | 'generated'
  | 'hotlines'
  | 'indicators'
  | 'language'
  | 'languagesSpoken'
  | 'learningObjectives'
  /** Templated: {mark} is the tag on untranslated text, {source} the source language, {language} the print's. */
  | 'notTranslated'
  | 'page'
  | 'scanForOnline'
  | 'sms'
  | 'version'
  | 'website'

type Common = {
  /** The programme's funding statement, printed on every template. */
  fundingLine?: string
  labels: PrintLabels
  programmeName: string
  stamp: PrintStamp
  title: string
  titleFallback?: boolean
}

export type PocketCardInput = Common & {
  /** Millimetres of bleed around the 74 × 105 mm trim; 0 for none. */
  bleedMm: number
  cropMarks: boolean
  hotlines: PrintHotline[]
  indicators: { fallback?: boolean; text: string }[]
  /** Where the QR code points: the online version of this deliverable in this language. */
  onlineUrl: string
  template: 'pocket-card'
}

export type ManualModule = {
  code: string
  content: PrintBlock[]
  contentFallback?: boolean
  objectives: { fallback?: boolean; text: string }[]
  title: string
  titleFallback?: boolean
}

export type ManualInput = Common & {
  description: PrintBlock[]
  descriptionFallback?: boolean
  modules: ManualModule[]
  template: 'manual'
}

export type DirectoryInput = Common & {
  /** Countries in print order (EU-wide first), each with its verified, current hotlines. */
  countries: { code: string; hotlines: PrintHotline[]; name: string }[]
  template: 'hotline-directory'
}

export type PrintInput = DirectoryInput | ManualInput | PocketCardInput

export type RenderedPrint = {
  pages: number
  pdf: Buffer
  /** Page size in PDF points, as printed (trim plus bleed and marks). */
  size: { height: number; width: number }
}
