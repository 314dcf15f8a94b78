import { parsePhoneNumberWithError } from 'libphonenumber-js/max'

import { isCountryCode } from './countries'

export type PhoneCheck = { message: string; ok: false } | { number: string; ok: true }

/**
 * The EU's harmonised numbers (112 and the 116 xxx range) are dialled as they are in every member
 * state; they have no international form, so they are kept as short codes.
 */
const euHarmonisedNumber = /^(112|116\d{3})$/

/**
 * Checks a phone number and returns it normalised: E.164 (+3232011690) for ordinary numbers, read
 * in the hotline's country when written nationally ("03 201 16 90" in Belgium), or the bare digits
 * of an EU-wide harmonised number. Uses libphonenumber's full metadata, so a number of the right
 * length but an impossible range is refused too.
 */
export function normalizePhone(input: string, country?: null | string): PhoneCheck {
  const compact = input.replace(/[\s().-]/g, '')
  if (euHarmonisedNumber.test(compact)) {
    return { number: compact, ok: true }
  }
  if (country === 'EU') {
    return { message: 'An EU-wide number must be 112 or in the 116 xxx range.', ok: false }
  }
  const region = isCountryCode(country) ? country : undefined
  try {
    const parsed = parsePhoneNumberWithError(input, region as never)
    if (!parsed.isValid()) {
      return { message: `${input} is not a valid phone number${region ? ` in ${region}` : ''}.`, ok: false }
    }
    return { number: parsed.number, ok: true }
  } catch {
    return {
      message: `${input} is not a phone number. Use the international format, e.g. +32 3 201 16 90.`,
      ok: false,
    }
  }
}
