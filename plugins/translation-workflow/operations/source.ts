import type { CollectionSlug, PayloadRequest, TypedLocale } from 'payload'

import type { ResolvedTranslationWorkflowOptions } from '../types'

import { preservingLocale } from '../../shared'

/**
 * The latest saved source of a document (its newest version, draft or published), read as
 * the system: what a translation must be measured against whoever asks.
 */
export const loadSource = async (
  options: ResolvedTranslationWorkflowOptions,
  req: PayloadRequest,
  collection: CollectionSlug,
  id: number | string,
): Promise<null | Record<string, unknown>> => {
  const find = (draft: boolean) =>
    req.payload.find({
      collection,
      depth: 0,
      draft,
      limit: 1,
      locale: options.sourceLocale as TypedLocale,
      overrideAccess: true,
      pagination: false,
      req,
      where: { id: { equals: id } },
    })
  // A document written without versions (imported straight into the database) has no draft to read.
  return preservingLocale(req, async () => {
    const [found] = (await find(true)).docs
    return ((found ?? (await find(false)).docs[0]) as unknown as Record<string, unknown> | undefined) ?? null
  })
}
