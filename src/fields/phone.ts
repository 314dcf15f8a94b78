import type { FieldHook, TextField, TextFieldSingleValidation } from 'payload'

import { normalizePhone } from '@/lib/phone'

/**
 * A phone number stored normalised (E.164, or an EU-wide short code), read in the country named by
 * the sibling `countryPath` when typed nationally. Never localized: a number is the same in every
 * language.
 */
export function phoneField(name: string, { countryPath = 'country', ...overrides }: { countryPath?: string } & Partial<TextField> = {}): TextField {
  const countryOf = (data: unknown, siblingData: unknown) =>
    ((siblingData as Record<string, unknown>)?.[countryPath] ?? (data as Record<string, unknown>)?.[countryPath]) as
      | string
      | undefined

  const normalise: FieldHook = ({ data, siblingData, value }) => {
    if (typeof value !== 'string' || !value.trim()) {
      return value
    }
    const result = normalizePhone(value, countryOf(data, siblingData))
    return result.ok ? result.number : value
  }
  const validate: TextFieldSingleValidation = (value, { data, required, siblingData }) => {
    if (!value) {
      return required ? 'A phone number is required.' : true
    }
    const result = normalizePhone(value, countryOf(data, siblingData))
    return result.ok ? true : result.message
  }
  return {
    name,
    type: 'text',
    admin: { description: 'International format (+32 3 201 16 90), or as dialled in the country; stored as E.164.' },
    hooks: { beforeValidate: [normalise] },
    validate,
    ...overrides,
  } as TextField
}
