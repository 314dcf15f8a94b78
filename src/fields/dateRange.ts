import type { DateField, DateFieldValidation } from 'payload'

/** A start and an end date where the end may not come before the start. */
export function dateRangeFields(
  startName: string,
  endName: string,
  overrides: { end?: Partial<DateField>; start?: Partial<DateField> } = {},
): [DateField, DateField] {
  const endNotBeforeStart: DateFieldValidation = (value, { siblingData }) => {
    const start = (siblingData as Record<string, unknown>)[startName]
    if (value && start && new Date(value as Date).getTime() < new Date(start as string).getTime()) {
      return 'The end date cannot be before the start date.'
    }
    return true
  }
  return [
    { name: startName, type: 'date', admin: { date: { pickerAppearance: 'dayOnly' } }, ...overrides.start } as DateField,
    {
      name: endName,
      type: 'date',
      admin: { date: { pickerAppearance: 'dayOnly' } },
      validate: endNotBeforeStart,
      ...overrides.end,
    } as DateField,
  ]
}
