import type { CollectionConfig } from 'payload'

import type { ResolvedPrintOptions } from '../types'

import { inertFileHeaders } from '../../shared'
import { offeredFileOrStaff } from '../access/offeredOrStaff'

/** The stored PDFs and previews. Written by the worker only; offered exactly when their edition is. */
export function generatePrintFilesCollection(options: ResolvedPrintOptions): CollectionConfig {
  return {
    slug: options.slugs.files,
    access: {
      create: () => false,
      delete: () => false,
      read: offeredFileOrStaff(options),
      update: () => false,
    },
    admin: {
      defaultColumns: ['filename', 'kind', 'offered', 'updatedAt'],
      group: 'Print',
      useAsTitle: 'filename',
    },
    disableDuplicate: true,
    fields: [
      {
        name: 'edition',
        type: 'relationship',
        index: true,
        relationTo: options.slugs.editions,
      },
      {
        name: 'kind',
        type: 'select',
        options: ['pdf', 'preview'],
        required: true,
      },
      { name: 'offered', type: 'checkbox', defaultValue: false, index: true },
      { name: 'validUntil', type: 'date', index: true },
    ],
    upload: {
      mimeTypes: ['application/pdf', 'image/png'],
      modifyResponseHeaders: inertFileHeaders,
      pasteURL: false,
      staticDir: options.staticDir,
    },
  }
}
