import type { Access, CollectionSlug, Where } from 'payload'

import { NotFound } from 'payload'

import { isStaffUser } from './isStaff'

const publicAssetsOnly: Where = { publicAsset: { equals: true } }

/**
 * Read access for an upload collection: staff read every item; everyone else (anonymous readers and
 * API clients) only items an editor flagged `publicAsset`. Uploads are staff-only by default because
 * most of them are internal reports' PDFs and gate evidence; a logo is published on purpose.
 *
 * For `/api/<collection>/file/<name>` (the original and every resized copy) Payload would answer 403
 * for a hidden file; this answers 404, exactly as for a name that was never uploaded, so a reader
 * can neither tell a hidden file from a missing one nor is told "it is here, but not for you".
 */
export const publicAssetsOrStaff =
  (collection: CollectionSlug, imageSizeNames: readonly string[]): Access =>
  async ({ data, isReadingStaticFile, req }) => {
    if (isStaffUser(req.user)) {
      return true
    }
    if (isReadingStaticFile) {
      const filename = String((data as { filename?: unknown } | undefined)?.filename ?? '')
      const sameFile: Where[] = [
        { filename: { equals: filename } },
        ...imageSizeNames.map((size) => ({ [`sizes.${size}.filename`]: { equals: filename } })),
      ]
      const found = await req.payload.db.findOne({ collection, req, where: { and: [{ or: sameFile }, publicAssetsOnly] } })
      if (!found) {
        throw new NotFound(req.t)
      }
    }
    // Payload still applies the filter itself, to the file lookup as to every query.
    return publicAssetsOnly
  }
