import type { CollectionSlug, Field, PayloadRequest } from 'payload'

import type { ResolvedPhaseGateOptions } from '../defaults'
import type { Snapshot } from './gates'

import { localeCodesOf, preservingLocale } from '../../shared'
import { contentFingerprint } from '../utilities/contentFingerprint'

type Id = number | string

/** The locales a snapshot fingerprints: every configured one, or one unnamed locale when the project does not localize. */
export const snapshotLocalesOf = (req: PayloadRequest): Array<string | undefined> => {
  const codes = localeCodesOf(req.payload.config)
  return codes.length > 0 ? codes : [undefined]
}

/** The latest (draft or published) content of a document in one locale, without fallback. */
export async function latestContent(req: PayloadRequest, collection: CollectionSlug, id: Id, locale: string | undefined) {
  return preservingLocale(
    req,
    async () =>
      (await req.payload.findByID({
        id,
        collection,
        depth: 0,
        disableErrors: true,
        draft: true,
        fallbackLocale: false as never,
        locale: locale as never,
        overrideAccess: true,
        req,
      })) as null | Record<string, unknown>,
  )
}

export const fieldsOf = (req: PayloadRequest, collection: CollectionSlug): Field[] => req.payload.collections[collection].config.fields

/** Fingerprints of a document's latest content in every locale. */
export async function fingerprintsOf(req: PayloadRequest, collection: CollectionSlug, id: Id): Promise<Record<string, string>> {
  const fields = fieldsOf(req, collection)
  const fingerprints: Record<string, string> = {}
  for (const locale of snapshotLocalesOf(req)) {
    const doc = await latestContent(req, collection, id, locale)
    fingerprints[locale ?? 'default'] = contentFingerprint(fields, doc ?? {})
  }
  return fingerprints
}

/**
 * Records exactly what a round reviews: every document of the phase in the gated collections,
 * drafts included, with the id of its latest version and the fingerprint of each locale's content.
 */
export async function takeSnapshot(req: PayloadRequest, options: ResolvedPhaseGateOptions, phaseId: Id): Promise<Snapshot> {
  const items: Snapshot['items'] = []
  for (const { collection, phaseField } of options.gated) {
    const { docs } = await req.payload.find({
      collection,
      depth: 0,
      draft: true,
      overrideAccess: true,
      pagination: false,
      req,
      select: {} as never,
      where: { [phaseField]: { equals: phaseId } },
    })
    for (const { id } of docs) {
      const { docs: versions } = await req.payload.findVersions({
        collection,
        depth: 0,
        limit: 1,
        overrideAccess: true,
        req,
        sort: '-updatedAt',
        where: { parent: { equals: id } },
      })
      items.push({ id, collection, fingerprints: await fingerprintsOf(req, collection, id), versionId: versions[0]?.id ?? null })
    }
  }
  return { items, takenAt: new Date().toISOString() }
}
