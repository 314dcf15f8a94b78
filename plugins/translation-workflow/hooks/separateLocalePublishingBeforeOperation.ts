import type { CollectionBeforeOperationHook, CollectionSlug, Field, PayloadRequest } from 'payload'

import { APIError } from 'payload'

import type { WriteOperationArgs } from '../../shared'
import type { ResolvedTranslationWorkflowOptions } from '../types'

import { preservingLocale } from '../../shared'
import { CONTEXT_KEYS, ERRORS } from '../constants'
import { pendingLocales } from '../utilities/pendingLocales'

/** Whether publishing one document in `locale` would also release another locale's unpublished text. */
const othersPending = async (
  options: ResolvedTranslationWorkflowOptions,
  req: PayloadRequest,
  collection: CollectionSlug,
  fields: Field[],
  id: number | string,
  locale: string,
): Promise<boolean> => {
  const read = (draft: boolean) =>
    req.payload.findByID({ id, collection, depth: 0, draft, locale: 'all', overrideAccess: true, req })
  const [draft, published] = await preservingLocale(req, () => Promise.all([read(true), read(false)]))
  const locales = [options.sourceLocale, ...options.targetLocales]
  return (
    pendingLocales(fields, draft as unknown as Record<string, unknown>, published as unknown as Record<string, unknown>, locales, locale)
      .length > 0
  )
}

/**
 * Two rules for every update of a translated collection, applied before Payload reads the data:
 *
 * 1. Whoever is not a workflow editor saves drafts only; a translator's text reaches readers when
 *    its review approves it (a request asking to publish is refused, not quietly downgraded). Payload's
 *    publication flags count as asking: `publishSpecificLocale` and `publishAllLocales` publish, and
 *    `unpublishAllLocales` rewrites the latest version in place (a draft save would then overwrite
 *    the published version's record instead of adding one).
 * 2. A publish publishes the locale it is made in, and no other. Payload's default publish writes
 *    the latest draft of every locale, so publishing the English source would also publish
 *    translations still waiting for review. With `publishSpecificLocale` Payload merges only that
 *    locale (and the shared, non-localized fields) into the last published version. A caller that
 *    really means every locale passes `publishAllLocales: true`. Per-locale publishing leaves a
 *    draft snapshot as the document's latest version, so it is used only when it matters: for one
 *    document, when another locale has unpublished changes; for a bulk update, always.
 */
export const separateLocalePublishingBeforeOperation =
  (options: ResolvedTranslationWorkflowOptions, collection: CollectionSlug, fields: Field[]): CollectionBeforeOperationHook =>
  async ({ args, operation, req }) => {
    if (operation !== 'update') {
      return args
    }
    delete req.context[CONTEXT_KEYS.keepStatus]
    const update = args as WriteOperationArgs
    const status = update.data?._status
    if (!update.overrideAccess && !options.access.isEditor(req.user)) {
      if (status === 'published' || update.publishSpecificLocale || update.publishAllLocales || update.unpublishAllLocales) {
        throw new APIError(ERRORS.translatorCannotPublish, 403)
      }
      return { ...args, data: { ...update.data, _status: 'draft' }, draft: true }
    }
    if (!update.draft && status === undefined) {
      req.context[CONTEXT_KEYS.keepStatus] = collection
    }
    const locale = update.req.locale
    if (
      options.publishLocalesSeparately &&
      !update.draft &&
      status !== 'draft' &&
      !update.publishSpecificLocale &&
      !update.publishAllLocales &&
      locale &&
      locale !== 'all' &&
      (update.id === undefined || (await othersPending(options, req, collection, fields, update.id, locale)))
    ) {
      return { ...args, publishSpecificLocale: locale }
    }
    return args
  }
