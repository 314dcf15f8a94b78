import type { Access, Where } from 'payload'

import { NotFound } from 'payload'

import type { ResolvedPrintOptions } from '../types'

/**
 * What an anonymous reader or an API client may be given: a current edition whose printed hotlines
 * are all still within their verification interval. `validUntil` is when the first of them falls
 * overdue; from then on the PDF is withheld by this rule alone, before any job has run.
 */
export const offeredToPublic = (now: Date): Where => ({
  and: [
    { offered: { equals: true } },
    {
      or: [{ validUntil: { exists: false } }, { validUntil: { greater_than: now.toISOString() } }],
    },
  ],
})

/** Staff read everything; everyone else what is offered (editions and their files alike). */
export const offeredOrStaff =
  (options: ResolvedPrintOptions): Access =>
  ({ req }) =>
    options.isStaff(req.user) || offeredToPublic(new Date())

/**
 * For `/file/<name>`: a withheld file answers 404 exactly like a name that never existed, so a
 * reader cannot tell a withdrawn pocket card from a missing one (as the project's media do).
 */
export const offeredFileOrStaff =
  (options: ResolvedPrintOptions): Access =>
  async ({ data, isReadingStaticFile, req }) => {
    if (options.isStaff(req.user)) {
      return true
    }
    const offered = offeredToPublic(new Date())
    if (isReadingStaticFile) {
      const filename = String((data as { filename?: unknown } | undefined)?.filename ?? '')
      const found = await req.payload.db.findOne({
        collection: options.slugs.files,
        req,
        where: { and: [{ filename: { equals: filename } }, offered] },
      })
      if (!found) {
        throw new NotFound(req.t)
      }
    }
    return offered
  }
