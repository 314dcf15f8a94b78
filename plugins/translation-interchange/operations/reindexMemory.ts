import type { Payload } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'

import { memoryIndexOf } from '../utilities/memory'

type UnindexedEntry = Record<string, unknown> & { id: number | string; source: string; sourceLocale?: null | string; targetLocale: string }

const PAGE = 500

/**
 * Gives the entries stored before the lookup index (or written around Payload, by a bulk import
 * into the database) their index fields, so lookups find them: run at every start, where it costs
 * one empty read once all are indexed. Through the adapter: the entries' content does not change,
 * so no hook, validation or version has anything to do. Returns how many it indexed.
 */
export const reindexMemory = async (options: ResolvedTranslationInterchangeOptions, payload: Payload): Promise<number> => {
  const collection = options.slugs.memory
  let indexed = 0
  for (;;) {
    const { docs } = await payload.db.find({
      collection,
      limit: PAGE,
      pagination: false,
      where: { sourceHash: { exists: false } },
    })
    if (docs.length === 0) {
      return indexed
    }
    for (const entry of docs as unknown as UnindexedEntry[]) {
      const fields = memoryIndexOf({ source: entry.source, sourceLocale: entry.sourceLocale ?? options.sourceLocale, targetLocale: entry.targetLocale })
      // The whole entry: on SQLite the adapter's update writes the row it is given.
      await payload.db.updateOne({ id: entry.id, collection, data: { ...entry, ...fields }, returning: false })
    }
    indexed += docs.length
    payload.logger.info(`translation-interchange: ${indexed} memory entries given their lookup index`)
  }
}
