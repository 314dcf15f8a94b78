import type { Field } from 'payload'

import type { ResolvedPrintOptions } from '../types'

import { EDITION_STATUSES } from '../constants'

/**
 * What a deliverable carries of its print, in the language asked for (or the source language's
 * edition when there is none in it, as every other field falls back): filled by
 * hooks/annotatePrintAfterRead.ts, read-only, so GraphQL clients can ask for it and types describe it.
 * Beside it, the admin's panel of every language's edition.
 */
export function printFields(options: ResolvedPrintOptions): Field[] {
  const types = Object.keys(options.sources.templates)
  return [
    {
      name: 'print',
      type: 'group',
      admin: { hidden: true },
      fields: [
        { name: 'locale', type: 'text' },
        { name: 'fallback', type: 'checkbox' },
        { name: 'status', type: 'select', options: [...EDITION_STATUSES] },
        { name: 'version', type: 'text' },
        { name: 'generatedAt', type: 'date' },
        { name: 'pages', type: 'number' },
        { name: 'url', type: 'text' },
        { name: 'previewUrl', type: 'text' },
      ],
      virtual: true,
    },
    {
      name: 'printEditions',
      type: 'ui',
      admin: {
        components: {
          Field: {
            clientProps: { editionsSlug: options.slugs.editions },
            path: `${options.componentsPath}/PrintPanel#PrintPanel`,
          },
        },
        condition: (data) => types.includes(String(data?.type)),
        position: 'sidebar',
      },
    },
  ]
}
