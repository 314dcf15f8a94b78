import countries from 'i18n-iso-countries'

/** The EU's own member states, for grouping and for hotlines valid across the Union. */
export const euMemberStates = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU',
  'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
] as const

// Names come from the runtime's CLDR data, so no per-language JSON has to be bundled.
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' })

export const countryName = (code: string): string => regionNames.of(code) ?? code

/** Every ISO 3166-1 alpha-2 country, labelled in English, sorted by name. */
export const countryOptions = Object.keys(countries.getAlpha2Codes())
  .map((value) => ({ label: countryName(value), value }))
  .sort((a, b) => a.label.localeCompare(b.label, 'en'))

export const isCountryCode = (code: unknown): code is string =>
  typeof code === 'string' && code === code.toUpperCase() && countries.isValid(code)
