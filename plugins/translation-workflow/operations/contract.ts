import type { CollectionSlug, PayloadRequest } from 'payload'

import DataLoader from 'dataloader'

import type { ResolvedTranslationWorkflowOptions, TranslationWorkflowContract } from '../types'

import { translatedCollection } from '../utilities/translatedCollection'
import { findTasks } from './records'

type OutdatedKey = { collection: string; id: string; locale: string }

/**
 * A list of a hundred documents asks `isOutdated` a hundred times. Each request gets one loader
 * that gathers the questions its documents ask together and answers them with one query per
 * collection and locale, limited to those documents: the cost stays the same however many tasks
 * the programme has.
 */
const outdatedLoaders = new WeakMap<object, DataLoader<OutdatedKey, boolean, string>>()

const outdatedLoader = (request: PayloadRequest, tasksSlug: CollectionSlug): DataLoader<OutdatedKey, boolean, string> => {
  let loader = outdatedLoaders.get(request)
  if (!loader) {
    loader = new DataLoader<OutdatedKey, boolean, string>(
      async (keys) => {
        const groups = new Map<string, OutdatedKey[]>()
        for (const key of keys) {
          const group = `${key.collection}\u0000${key.locale}`
          const members = groups.get(group) ?? []
          members.push(key)
          groups.set(group, members)
        }
        const outdated = new Set<string>()
        await Promise.all(
          [...groups.values()].map(async (group) => {
            const { collection, locale } = group[0]!
            // The stored rows: a system check that needs no hooks and no access on the tasks. The
            // status is checked here, not in the query, so the database looks the tasks up by the
            // unique (collection, document, locale) index instead of walking every outdated task.
            const { docs } = await request.payload.db.find<{ documentId: string; status: string }>({
              collection: tasksSlug,
              pagination: false,
              req: request,
              select: { documentId: true, status: true },
              where: {
                and: [
                  { targetCollection: { equals: collection } },
                  { locale: { equals: locale } },
                  { documentId: { in: group.map(({ id }) => id) } },
                ],
              },
            })
            for (const { documentId, status } of docs) {
              if (status === 'outdated') {
                outdated.add(`${collection}\u0000${locale}\u0000${documentId}`)
              }
            }
          }),
        )
        return keys.map(({ id, collection, locale }) => outdated.has(`${collection}\u0000${locale}\u0000${id}`))
      },
      {
        // Documents reach their read hooks a few promise turns apart; waiting for the next
        // macrotask lets every document of the page ask before the query runs.
        batchScheduleFn: (callback) => setImmediate(callback),
        cacheKeyFn: ({ id, collection, locale }) => `${collection}\u0000${locale}\u0000${id}`,
      },
    )
    outdatedLoaders.set(request, loader)
  }
  return loader
}

export const translationWorkflowContract = (options: ResolvedTranslationWorkflowOptions): TranslationWorkflowContract => {
  return {
    approvedLocales: async ({ id, collection, req }) => {
      const tasks = await findTasks<{ locale: string }>(options, req, {
        select: { locale: true },
        where: {
          and: [{ targetCollection: { equals: collection } }, { documentId: { equals: String(id) } }, { status: { equals: 'approved' } }],
        },
      })
      return tasks.map(({ locale }) => locale).sort()
    },
    collections: options.collections,
    isOutdated: async ({ id, collection, locale, req }) => {
      if (!translatedCollection(options, collection) || !options.targetLocales.includes(locale)) {
        return false
      }
      return outdatedLoader(req as PayloadRequest, options.slugs.tasks).load({ id: String(id), collection, locale })
    },
    publishGuards: [],
    sourceLocale: options.sourceLocale,
    submitChecks: [],
    targetLocales: options.targetLocales,
    tasksSlug: options.slugs.tasks,
    translateViewSlots: {},
  }
}
