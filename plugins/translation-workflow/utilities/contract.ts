import type { CollectionSlug, PayloadRequest } from 'payload'

import type { ResolvedTranslationWorkflowOptions } from '../types'

type Id = number | string

/**
 * What other plugins may ask the workflow, published as `config.custom.translationWorkflow`
 * (no imports between plugins): the delivery API marks outdated translations, the phase gate
 * publishes approved locales.
 */
export type TranslationWorkflowContract = {
  /** The locales of a document whose translation is approved and current. */
  approvedLocales: (args: { collection: string; id: Id; req: PayloadRequest }) => Promise<string[]>
  /** Whether the document's translation into the locale was made from a source that changed since. */
  isOutdated: (args: { collection: string; id: Id; locale: string; req: unknown }) => Promise<boolean>
  sourceLocale: string
  targetLocales: string[]
}

/**
 * A read of a hundred documents asks `isOutdated` a hundred times: one query per collection ×
 * locale and request answers them all.
 */
const outdatedByRequest = new WeakMap<object, Map<string, Promise<Set<string>>>>()

export const translationWorkflowContract = (options: ResolvedTranslationWorkflowOptions): TranslationWorkflowContract => {
  const tasksSlug = options.tasksCollection.slug as CollectionSlug
  return {
    approvedLocales: async ({ id, collection, req }) => {
      const { docs } = await req.payload.find({
        collection: tasksSlug,
        depth: 0,
        overrideAccess: true,
        pagination: false,
        req,
        select: { locale: true } as never,
        where: {
          and: [{ targetCollection: { equals: collection } }, { documentId: { equals: String(id) } }, { status: { equals: 'approved' } }],
        },
      })
      return (docs as unknown as Array<{ locale: string }>).map(({ locale }) => locale).sort()
    },
    isOutdated: async ({ id, collection, locale, req }) => {
      if (!options.collections.includes(collection) || !options.targetLocales.includes(locale)) {
        return false
      }
      const request = req as PayloadRequest
      let cache = outdatedByRequest.get(request)
      if (!cache) {
        cache = new Map()
        outdatedByRequest.set(request, cache)
      }
      const key = `${collection}\u0000${locale}`
      let outdated = cache.get(key)
      if (!outdated) {
        outdated = request.payload
          .find({
            collection: tasksSlug,
            depth: 0,
            overrideAccess: true,
            pagination: false,
            req: request,
            select: { documentId: true } as never,
            where: {
              and: [{ targetCollection: { equals: collection } }, { locale: { equals: locale } }, { status: { equals: 'outdated' } }],
            },
          })
          .then(({ docs }) => new Set((docs as unknown as Array<{ documentId: string }>).map(({ documentId }) => documentId)))
        cache.set(key, outdated)
      }
      return (await outdated).has(String(id))
    },
    sourceLocale: options.sourceLocale,
    targetLocales: options.targetLocales,
  }
}
