import type { CollectionBeforeChangeHook } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'

import { memoryIndexOf } from '../utilities/memory'

type StoredEntry = { source?: unknown; sourceLocale?: unknown; targetLocale?: unknown }

/**
 * Every write of a memory entry (approval, TMX import, an editor's save or delete-and-recreate in
 * the admin or over REST and GraphQL, an update by `where`) leaves its index fields in step with
 * its source and locales: lookups read only those. On an update `data` may hold only the changed
 * fields; the rest is the stored entry's.
 */
export const indexMemoryEntryBeforeChange =
  (options: ResolvedTranslationInterchangeOptions): CollectionBeforeChangeHook =>
  ({ data, originalDoc }) => {
    const entry = { ...(originalDoc as StoredEntry | undefined), ...(data as StoredEntry) }
    if (typeof entry.source !== 'string' || typeof entry.targetLocale !== 'string') {
      // Payload's validation refuses the write (both are required).
      return data
    }
    const sourceLocale = typeof entry.sourceLocale === 'string' ? entry.sourceLocale : options.sourceLocale
    return { ...data, ...memoryIndexOf({ source: entry.source, sourceLocale, targetLocale: entry.targetLocale }) }
  }
