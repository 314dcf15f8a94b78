import type { CollectionBeforeOperationHook, CollectionSlug } from 'payload'

import type { WriteOperationArgs } from '../../shared'
import type { ResolvedPhaseGateOptions } from '../defaults'

import { preservingLocale } from '../../shared'
import { GateRefusal } from '../errors'
import { publishBlockedReason } from '../operations/publishing'
import { latestContent, snapshotLocalesOf } from '../operations/snapshot'

/**
 * Whether a write would make content public: an explicit `_status: 'published'`, or an update
 * without a status of a document whose latest version is published (Payload then saves it as
 * published).
 */
async function publishes(args: WriteOperationArgs, operation: 'create' | 'update', collection: CollectionSlug, id?: number | string) {
  const status = args.data?._status
  if (status === 'published') {
    return true
  }
  if (operation === 'create' || status === 'draft' || args.draft || id === undefined) {
    return false
  }
  const stored = await latestContent(args.req, collection, id, undefined)
  return stored?._status === 'published'
}

/**
 * Restoring a version that was published publishes it again: allowed only when that content is
 * what the gate's snapshot approved.
 */
async function refuseUnreleasedRestore(options: ResolvedPhaseGateOptions, collection: CollectionSlug, args: WriteOperationArgs) {
  const { req } = args
  if (args.draft || args.id === undefined) {
    return
  }
  const versionIn = async (locale: string | undefined) =>
    (await preservingLocale(req, () =>
      req.payload.findVersionByID({
        id: args.id as never,
        collection,
        depth: 0,
        disableErrors: true,
        fallbackLocale: false as never,
        locale: locale as never,
        overrideAccess: true,
        req,
      }),
    )) as unknown as null | { parent: number | string | { id: number | string }; version: Record<string, unknown> }
  const version = await versionIn(undefined)
  if (!version || version.version._status !== 'published') {
    return
  }
  const parent = typeof version.parent === 'object' ? version.parent.id : version.parent
  const reason = await publishBlockedReason(req, options, {
    id: parent,
    collection,
    locales: snapshotLocalesOf(req),
    published: async (locale) => (await versionIn(locale))?.version ?? null,
  })
  if (reason) {
    throw new GateRefusal(reason, 403)
  }
}

/**
 * Refuses, before anything is written, a publish of gated content its phase's gate has not
 * released, whoever asks (admins included). Only the system's own writes (`overrideAccess`, as
 * the plugin's publish on `go`, seeds and migrations use) pass. Runs after the translation
 * workflow's hook, so a publish it narrowed to one locale is judged for that locale alone.
 */
export const blockUnreleasedPublishBeforeOperation =
  (options: ResolvedPhaseGateOptions, collection: CollectionSlug): CollectionBeforeOperationHook =>
  async ({ args, operation, req }) => {
    if ((args as WriteOperationArgs).overrideAccess) {
      return args
    }
    if (operation === 'restoreVersion') {
      await refuseUnreleasedRestore(options, collection, args as WriteOperationArgs)
      return args
    }
    if (operation !== 'create' && operation !== 'update') {
      return args
    }
    const write = args as WriteOperationArgs
    const locale = write.publishSpecificLocale ?? (req.locale && req.locale !== 'all' ? req.locale : undefined)
    const locales = write.publishSpecificLocale ? [write.publishSpecificLocale] : snapshotLocalesOf(req)
    let ids: Array<number | string | undefined> = [write.id]
    if (operation === 'update' && write.id === undefined) {
      const { docs } = await req.payload.find({
        collection,
        depth: 0,
        draft: true,
        overrideAccess: true,
        pagination: false,
        req,
        where: write.where ?? {},
      })
      ids = docs.map(({ id }) => id)
    }
    for (const id of ids) {
      if (!(await publishes(write, operation, collection, id))) {
        continue
      }
      const reason = await publishBlockedReason(req, options, { id, collection, incoming: write.data, locale, locales })
      if (reason) {
        throw new GateRefusal(reason, 403)
      }
    }
    return args
  }
