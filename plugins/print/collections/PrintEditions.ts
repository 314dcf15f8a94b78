import type { CollectionConfig, FieldAccess } from 'payload'

import type { ResolvedPrintOptions } from '../types'

import { offeredOrStaff } from '../access/offeredOrStaff'
import { EDITION_STATUSES, PRINT_TEMPLATES } from '../constants'
import { regenerateEndpoint } from '../endpoints/regenerate'

/**
 * One printed edition per deliverable and locale: its PDF and first-page preview, the version
 * (a fingerprint of exactly what was printed) and, for editors, what was left out and why.
 * Written by the worker only.
 */
export function generatePrintEditionsCollection(options: ResolvedPrintOptions): CollectionConfig {
  const staffOnly: FieldAccess = ({ req }) => options.isStaff(req.user)
  return {
    slug: options.slugs.editions,
    access: {
      create: () => false,
      delete: () => false,
      read: offeredOrStaff(options),
      update: () => false,
    },
    admin: {
      defaultColumns: ['deliverable', 'locale', 'status', 'version', 'generatedAt', 'pages'],
      description: 'Print-ready PDFs, made by the worker from published content. Open the deliverable to see its editions per language.',
      group: 'Print',
      useAsTitle: 'version',
    },
    disableDuplicate: true,
    endpoints: [regenerateEndpoint(options)],
    fields: [
      {
        name: 'deliverable',
        type: 'relationship',
        index: true,
        relationTo: options.sources.deliverables,
        required: true,
      },
      {
        name: 'locale',
        type: 'select',
        index: true,
        options: options.locales,
        required: true,
      },
      {
        name: 'template',
        type: 'select',
        options: [...PRINT_TEMPLATES],
        required: true,
      },
      {
        name: 'status',
        type: 'select',
        defaultValue: 'stale',
        // Time alone makes a card stale: once a printed number falls due for re-verification the
        // edition is withheld (access/offeredOrStaff.ts), and the admin says so before the worker runs.
        hooks: {
          afterRead: [
            ({ siblingData, value }) =>
              value === 'current' && siblingData?.validUntil && new Date(siblingData.validUntil) <= new Date() ? 'stale' : value,
          ],
        },
        index: true,
        options: [...EDITION_STATUSES],
        required: true,
      },
      // Mirrors `status === 'current'` on the edition and its files, so that one rule
      // (access/offeredOrStaff.ts) decides what the public is given.
      { name: 'offered', type: 'checkbox', defaultValue: false, index: true },
      {
        name: 'version',
        type: 'text',
        admin: {
          description: 'Fingerprint of the printed content; the PDF states it too.',
        },
        index: true,
      },
      { name: 'generatedAt', type: 'date' },
      {
        name: 'validUntil',
        type: 'date',
        admin: {
          description: 'When the first printed hotline falls due for re-verification.',
        },
        index: true,
      },
      { name: 'pages', type: 'number' },
      { name: 'widthMm', type: 'number' },
      { name: 'heightMm', type: 'number' },
      { name: 'pdf', type: 'upload', relationTo: options.slugs.files },
      { name: 'preview', type: 'upload', relationTo: options.slugs.files },
      { name: 'renderMs', type: 'number', access: { read: staffOnly } },
      {
        name: 'problem',
        type: 'textarea',
        access: { read: staffOnly },
        admin: {
          description: 'Why this language could not be printed; fix the content and it is printed again.',
        },
      },
      {
        name: 'leftOut',
        // JSON, not an array: Payload answers a hidden array field as [] instead of leaving it out.
        type: 'json',
        access: { read: staffOnly },
        admin: {
          description: 'What this edition does not print, and why ({ kind, label, reason, documentId }): fix it at its source.',
          readOnly: true,
        },
      },
      {
        name: 'dependsOn',
        type: 'text',
        access: { read: staffOnly },
        admin: { hidden: true },
        hasMany: true,
        index: true,
      },
      // Raised by every write that makes the edition stale; the worker writes its result only if it
      // is still the one it started from, so a render never overwrites a newer staleness.
      {
        name: 'generation',
        type: 'number',
        access: { read: staffOnly },
        admin: { hidden: true },
        defaultValue: 0,
      },
    ],
    indexes: [{ fields: ['deliverable', 'locale'], unique: true }],
  }
}
