import type { CollectionConfig, TextFieldSingleValidation } from 'payload'

import { anyone } from '@/access/anyone'
import { isStaff } from '@/access/isStaff'
import { defaultLocale } from '@/lib/locales'
import { mediaDirectory } from '@/lib/paths'

import type { AcceptedFiles } from './hooks/sanitizeUpload'

import { sanitizeUploadBeforeOperation } from './hooks/sanitizeUpload'

// SVG is left out on purpose: it can carry script.
const acceptedFiles: AcceptedFiles = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
}

// Only the source language must have it; the other languages fall back to English.
const requireAltTextForImages: TextFieldSingleValidation = (value, { data, req }) => {
  const isImage = String((data as { mimeType?: string }).mimeType ?? '').startsWith('image/')
  const isSourceLocale = !req.locale || req.locale === defaultLocale
  if (isImage && isSourceLocale && !value?.trim()) {
    return 'Alt text is required for images.'
  }
  return true
}

/** Derived images are WebP: smaller downloads for practitioners reading on mobile data. */
const webp = { format: 'webp' as const, options: { quality: 80 } }

export const Media: CollectionConfig = {
  slug: 'media',
  access: {
    create: isStaff,
    delete: isStaff,
    read: anyone,
    update: isStaff,
  },
  admin: {
    defaultColumns: ['filename', 'alt', 'mimeType', 'updatedAt'],
    useAsTitle: 'filename',
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      admin: { description: 'Describes the image for people who cannot see it. Required for images.' },
      localized: true,
      validate: requireAltTextForImages,
    },
  ],
  hooks: {
    beforeOperation: [sanitizeUploadBeforeOperation(acceptedFiles)],
  },
  upload: {
    adminThumbnail: 'thumbnail',
    focalPoint: true,
    imageSizes: [
      { name: 'thumbnail', formatOptions: webp, width: 320 },
      { name: 'card', formatOptions: webp, width: 768 },
      { name: 'hero', formatOptions: webp, width: 1600 },
    ],
    mimeTypes: Object.keys(acceptedFiles),
    pasteURL: false,
    staticDir: mediaDirectory(),
  },
}
