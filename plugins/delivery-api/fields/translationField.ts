import type { GroupField } from 'payload'

export const translationStatuses = ['translated', 'fallback', 'outdated'] as const

/** Read-only field hooks/annotateTranslationBeforeRead.ts fills: lets GraphQL clients ask for it and types describe it. */
export const translationField: GroupField = {
  name: 'translation',
  type: 'group',
  admin: { hidden: true },
  fields: [
    { name: 'locale', type: 'text' },
    { name: 'servedLocale', type: 'text' },
    { name: 'status', type: 'select', options: [...translationStatuses] },
    { name: 'fallbackFields', type: 'text', hasMany: true },
  ],
  virtual: true,
}
