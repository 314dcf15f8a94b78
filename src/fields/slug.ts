import type { FieldHook, TextField } from 'payload'

import { defaultLocale } from '@/lib/locales'
import { slugify } from '@/lib/slugify'

/**
 * A URL-safe, unique identifier made from the English title when left empty. It is not localized:
 * one document keeps one address in every language. Editors may change it.
 */
export function slugField(sourceField = 'title', overrides: Partial<TextField> = {}): TextField {
  const fillFromSource: FieldHook = ({ data, req, value }) => {
    if (typeof value === 'string' && value.trim()) {
      return slugify(value)
    }
    const source = data?.[sourceField]
    // Only the source language names the document; a translation saved first must not.
    if (typeof source === 'string' && (!req.locale || req.locale === defaultLocale)) {
      return slugify(source)
    }
    return value
  }
  return {
    name: 'slug',
    type: 'text',
    admin: { description: 'Part of the public address. Filled from the English title when left empty.', position: 'sidebar' },
    hooks: { beforeValidate: [fillFromSource] },
    index: true,
    // Not `required`: that would force GraphQL clients to send a slug the hook fills in anyway.
    unique: true,
    validate: (value: null | string | undefined) => {
      if (!value) {
        return 'A slug is required: give the document an English title, or type one.'
      }
      return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) ? true : 'Use lower-case letters, digits and single dashes.'
    },
    ...overrides,
  } as TextField
}
