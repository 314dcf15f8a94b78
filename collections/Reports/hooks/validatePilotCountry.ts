import type { SelectFieldSingleValidation } from 'payload'

import { countryName } from '@/lib/countries'

/**
 * A pilot-country evaluation must name its country, and only the programme's pilot countries ran
 * pilot trainings (the list lives in the Programme settings).
 */
export const validatePilotCountry: SelectFieldSingleValidation = async (value, { req, siblingData }) => {
  if ((siblingData as { type?: string }).type !== 'pilot-country-evaluation') {
    return true
  }
  if (!value) {
    return 'A pilot-country evaluation needs its country.'
  }
  const programme = await req.payload.findGlobal({ slug: 'programme', depth: 0, overrideAccess: true, req })
  const pilotCountries = programme.pilotCountries ?? []
  if (!pilotCountries.includes(value as never)) {
    const allowed = pilotCountries.map((code) => `${countryName(code)} (${code})`).join(', ') || 'none set yet'
    return `${countryName(value)} is not one of the programme's pilot countries: ${allowed}.`
  }
  return true
}
