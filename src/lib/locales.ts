/**
 * The programme's publishing languages. English is the source and the fallback: every text is
 * written in English first, then translated.
 */
export const locales = [
  { code: 'en', label: 'English' },
  { code: 'fr', label: 'Français' },
  { code: 'de', label: 'Deutsch' },
  { code: 'nl', label: 'Nederlands' },
  { code: 'sv', label: 'Svenska' },
  { code: 'hu', label: 'Magyar' },
  { code: 'ro', label: 'Română' },
  { code: 'pt', label: 'Português' },
  { code: 'sq', label: 'Shqip' },
  { code: 'nb', label: 'Norsk bokmål' },
] as const

export type LocaleCode = (typeof locales)[number]['code']

export const defaultLocale: LocaleCode = 'en'

export const localeCodes = locales.map(({ code }) => code)
