import type { CollectionConfig, TextFieldSingleValidation } from 'payload'

import { canEditContent } from '@/access/canEditContent'
import { canEditContentField } from '@/access/canEditContentField'
import { publicAssetsOrStaff } from '@/access/publicAssetsOrStaff'
import { defaultLocale } from '@/lib/locales'
import { mediaDirectory } from '@/lib/paths'

import type { AcceptedFiles } from './hooks/sanitizeUpload'

import { inertFileHeaders } from '../../plugins/shared'
import { sanitizeUploadBeforeOperation } from './hooks/sanitizeUpload'
import { maxImagePixels } from './imageLimits'

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

const imageSizes = [
  { name: 'thumbnail', formatOptions: webp, width: 320 },
  { name: 'card', formatOptions: webp, width: 768 },
  { name: 'hero', formatOptions: webp, width: 1600 },
]

export const Media: CollectionConfig = {
  slug: 'media',
  // Translators and steering members only use media: a replaced file would be live at once.
  access: {
    create: canEditContent,
    delete: canEditContent,
    read: publicAssetsOrStaff('media', imageSizes.map(({ name }) => name)),
    update: canEditContent,
  },
  admin: {
    defaultColumns: ['filename', 'alt', 'publicAsset', 'mimeType', 'updatedAt'],
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
    {
      name: 'publicAsset',
      type: 'checkbox',
      access: { create: canEditContentField, update: canEditContentField },
      admin: {
        description:
          'Public asset: anyone on the internet may see and download this file (logos, posters, public reports). Leave unticked for internal reports, evidence and anything not meant for the public: staff only.',
        position: 'sidebar',
      },
      defaultValue: false,
      label: 'Public asset',
    },
  ],
  hooks: {
    beforeOperation: [sanitizeUploadBeforeOperation(acceptedFiles)],
  },
  upload: {
    adminThumbnail: 'thumbnail',
    // Any constructor option makes Payload re-encode a stored image instead of keeping the bytes as
    // sent: that drops its metadata (a photo's GPS position, the camera's serial number) and
    // anything appended after the image data (an image/HTML polyglot). The limit itself is also set
    // on every decode (boundedSharp in payload.config.ts); here it is what asks for the re-encode.
    constructorOptions: { limitInputPixels: maxImagePixels },
    focalPoint: true,
    imageSizes,
    mimeTypes: Object.keys(acceptedFiles),
    modifyResponseHeaders: inertFileHeaders,
    pasteURL: false,
    staticDir: mediaDirectory(),
  },
}
