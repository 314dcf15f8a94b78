import type { SelectField } from 'payload'

import { countryOptions } from '@/lib/countries'

/** An ISO 3166-1 alpha-2 country; `allowEU` adds "EU" for things valid across the Union. */
export function countryField({
  allowEU = false,
  ...overrides
}: { allowEU?: boolean } & Partial<Omit<SelectField, 'options' | 'type'>> = {}): SelectField {
  return {
    name: 'country',
    type: 'select',
    options: allowEU ? [{ label: 'European Union (EU-wide)', value: 'EU' }, ...countryOptions] : countryOptions,
    ...overrides,
  } as SelectField
}
