import type { CollectionBeforeReadHook, CollectionSlug, FieldAccess, PayloadRequest } from 'payload'

import type { TranslationWorkflowContract } from '../../translation-workflow'
import type { translationStatuses } from '../fields/translationField'

/** Payload's own rule (fields/hooks/afterRead) for a value that lets the fallback locale's through. */
const isMissing = (value: unknown) => value === undefined || value === null || value === ''

/**
 * The localized fields this reader may read: a field hidden from the API or refused by its read
 * access must not be named in `fallbackFields`, nor tip the status: that would tell the public a
 * staff-only field exists and whether it is translated. Field access is asked per document, as
 * Payload asks it (it may depend on the document).
 */
async function readableFields(req: PayloadRequest, collection: string, doc: Record<string, unknown>, names: string[]) {
  const fields = req.payload.collections[collection as CollectionSlug]?.config.flattenedFields ?? []
  const readable: string[] = []
  for (const name of names) {
    const field = fields.find((candidate) => 'name' in candidate && candidate.name === name) as
      | undefined
      | { access?: { read?: FieldAccess }; hidden?: boolean }
    if (!field || field.hidden) {
      continue
    }
    const read = field.access?.read
    if (!read || (await read({ id: doc.id as number | string, data: doc, doc, req, siblingData: doc }))) {
      readable.push(name)
    }
  }
  return readable
}

/**
 * Tells sites, per document and requested locale, whether they got a translation or English
 * standing in for it: `translated`, `fallback` (naming the fields served from the fallback locale),
 * or `outdated` (translated, but the translation workflow reports the source changed since).
 * Runs before Payload flattens locales, while the document still holds each localized field as
 * `{ [locale]: value }`, so it applies Payload's fallback rule itself and needs no extra query.
 */
export const annotateTranslationBeforeRead =
  ({
    collection,
    defaultLocale,
    localizedFields,
  }: {
    collection: string
    defaultLocale: string
    localizedFields: string[]
  }): CollectionBeforeReadHook =>
  async ({ doc, req }) => {
    const locale = req.locale
    if (!doc || !locale || locale === 'all') {
      return doc
    }
    // 'none', 'null' and 'false' are how a client turns fallback off.
    const fallbackLocales = [req.fallbackLocale as unknown]
      .flat()
      .filter((code): code is string => typeof code === 'string' && !['false', 'none', 'null', locale].includes(code))
    const served: string[] = []
    const fallbackFields: string[] = []
    for (const field of await readableFields(req, collection, doc, localizedFields)) {
      const values = doc[field] as Record<string, unknown> | null | undefined
      if (!values || typeof values !== 'object') {
        continue
      }
      if (!isMissing(values[locale])) {
        served.push(field)
      } else if (fallbackLocales.some((code) => !isMissing(values[code]) && values[code])) {
        served.push(field)
        fallbackFields.push(field)
      }
    }
    let status: (typeof translationStatuses)[number] = fallbackFields.length ? 'fallback' : 'translated'
    // The workflow is optional here: without it, nothing is outdated.
    const workflow: TranslationWorkflowContract | undefined = req.payload.config.custom?.translationWorkflow
    const isOutdated = workflow?.isOutdated
    if (
      status === 'translated' &&
      locale !== defaultLocale &&
      isOutdated &&
      (await isOutdated({ id: doc.id as number | string, collection, locale, req }))
    ) {
      status = 'outdated'
    }
    const allFromFallback = served.length > 0 && fallbackFields.length === served.length
    return {
      ...doc,
      translation: { fallbackFields, locale, servedLocale: allFromFallback ? fallbackLocales[0] : locale, status },
    }
  }
