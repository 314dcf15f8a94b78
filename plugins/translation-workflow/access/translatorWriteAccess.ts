import type { Access, AccessArgs, AccessResult, CollectionSlug, Field, TypedLocale } from 'payload'

import type { ResolvedTranslationWorkflowOptions } from '../types'

import { preservingLocale } from '../../shared'
import { WRITABLE_STATUSES } from '../constants'
import { nonLocalizedChanges } from '../utilities/nonLocalizedChanges'

/**
 * The collection's own update rule, before the workflow adds translators; without one, Payload's
 * default (any signed-in user).
 */
export const grantedByCollection = async (original: Access | undefined, args: AccessArgs): Promise<AccessResult> =>
  original ? await original(args) : Boolean(args.req.user)

/**
 * A content collection's update rule with translators added: whoever the collection already lets
 * update keeps that right; besides them, a translator may update one document in one locale when
 * - the request's locale is a target locale they translate (never the source, never `all`),
 * - they hold an open task (in progress, returned or outdated) for that document in that locale,
 * - and the write changes nothing that is not localized (see utilities/nonLocalizedChanges.ts).
 * Anything else is refused before a byte is written: Payload answers 403 for REST, GraphQL and the
 * Local API with `overrideAccess: false`. Their writes are always drafts (see
 * hooks/separateLocalePublishingBeforeOperation.ts); approval publishes them. Payload also asks this
 * rule for operations that are not a translator's edit: a bulk update (no `id`: refused below) and a
 * version restore (only `{ _status }` as data, which would pass): restores are refused before access
 * by hooks/refuseRestoreWithoutUpdateRightBeforeOperation.ts.
 */
export const translatorWriteAccess =
  (options: ResolvedTranslationWorkflowOptions, collection: CollectionSlug, fields: Field[], original: Access | undefined): Access =>
  async (args) => {
    const granted = await grantedByCollection(original, args)
    if (granted) {
      return granted
    }
    const { id, data, req } = args
    const locale = req.locale
    if (id === undefined || !locale || locale === options.sourceLocale || !options.access.isTranslatorFor(req.user, locale) || !req.user) {
      return false
    }
    const { totalDocs } = await req.payload.count({
      collection: options.slugs.tasks,
      overrideAccess: true,
      req,
      where: {
        and: [
          { targetCollection: { equals: collection } },
          { documentId: { equals: String(id) } },
          { locale: { equals: locale } },
          { assignee: { equals: req.user.id } },
          { status: { in: [...WRITABLE_STATUSES] } },
        ],
      },
    })
    if (totalDocs === 0) {
      return false
    }
    if (!data) {
      return true
    }
    // Compared with the latest draft: that is what the translator's form shows and edits.
    const current = await preservingLocale(req, () =>
      req.payload.findByID({
        id,
        collection,
        depth: 0,
        draft: true,
        fallbackLocale: false,
        locale: locale as TypedLocale,
        overrideAccess: true,
        req,
      }),
    )
    return nonLocalizedChanges(fields, data, current as unknown as Record<string, unknown>).length === 0
  }
