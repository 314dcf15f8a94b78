import type { CollectionBeforeOperationHook } from 'payload'

import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type'
import fs from 'node:fs/promises'
import { ValidationError } from 'payload'

import { safeFileName } from '@/lib/safeFileName'

import { maxImagePixels, readImageDimensions } from '../imageLimits'
import { pdfActiveContent } from '../utilities/pdfActiveContent'

/** MIME type → the file name extensions that may carry it. */
export type AcceptedFiles = Record<string, readonly string[]>

const refuse = (message: string, req: Parameters<CollectionBeforeOperationHook>[0]['req']) =>
  new ValidationError({ collection: 'media', errors: [{ message, path: 'file' }], req })

/**
 * Normalises the uploaded file's name and insists that its extension and its actual bytes agree
 * (a PNG named manual.pdf is refused, not stored under a misleading name). Refuses images larger
 * than maxImagePixels from their header alone, before anything decodes them (a PNG of a few KB can
 * declare 400 megapixels), and PDFs that carry script or launch actions. Also refuses creating a
 * file from a URL: the CMS must never fetch addresses on someone's behalf.
 */
export const sanitizeUploadBeforeOperation =
  (acceptedFiles: AcceptedFiles): CollectionBeforeOperationHook =>
  async ({ args, operation, req }) => {
    if (operation !== 'create' && operation !== 'update') {
      return args
    }
    const file = req.file
    if (!file) {
      // Payload moves a submitted url out of args.data before hooks run, so look at what was sent.
      const submitted = [args.data, req.data] as Array<Record<string, unknown> | undefined>
      if (submitted.some((data) => typeof data?.url === 'string')) {
        throw refuse('Uploading from a URL is disabled: attach the file itself.', req)
      }
      return args
    }

    file.name = safeFileName(file.name)
    const extension = file.name.includes('.') ? file.name.split('.').pop()! : ''
    // With useTempFiles the bytes are on disk and file.data is empty.
    const onDisk = file.tempFilePath && !file.data?.length ? file.tempFilePath : undefined
    const detected = onDisk ? await fileTypeFromFile(onDisk) : await fileTypeFromBuffer(file.data)
    const expectedExtensions = detected ? acceptedFiles[detected.mime] : undefined
    if (!detected || !expectedExtensions) {
      const allowed = Object.values(acceptedFiles).flat().join(', ')
      throw refuse(`This kind of file is not accepted. Allowed: ${allowed}.`, req)
    }
    if (!expectedExtensions.includes(extension)) {
      const named = extension ? `ends in ".${extension}"` : 'has no extension'
      throw refuse(`The file's content is ${detected.ext.toUpperCase()} but its name ${named}: rename it to .${expectedExtensions[0]}.`, req)
    }
    if (detected.mime.startsWith('image/')) {
      const dimensions = await readImageDimensions(onDisk ?? file.data)
      if (!dimensions) {
        throw refuse('This image cannot be read: it is damaged or incomplete.', req)
      }
      if (dimensions.width * dimensions.height > maxImagePixels) {
        throw refuse(
          `This image is ${dimensions.width} × ${dimensions.height} pixels; the limit is ${maxImagePixels / 1_000_000} megapixels. Scale it down and upload it again.`,
          req,
        )
      }
    }
    if (detected.mime === 'application/pdf') {
      const feature = pdfActiveContent(onDisk ? await fs.readFile(onDisk) : file.data)
      if (feature) {
        throw refuse(`This PDF contains ${feature}, which could run on a reader's computer: save it again without it.`, req)
      }
    }
    return args
  }
