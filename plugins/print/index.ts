import type { CollectionConfig, Config, GlobalConfig } from 'payload'

import type { PrintOptions } from './types'

import { generatePrintEditionsCollection } from './collections/PrintEditions'
import { generatePrintFilesCollection } from './collections/PrintFiles'
import { resolvePrintOptions } from './defaults'
import { printFields } from './fields/printFields'
import { annotatePrintAfterRead } from './hooks/annotatePrintAfterRead'
import { markPrintsStaleAfterChange, markPrintsStaleAfterDelete, markPrintsStaleAfterGlobalChange } from './hooks/markPrintsStale'
import { removePrintsBeforeDelete } from './hooks/removePrintsBeforeDelete'
import { renderPrintsTask } from './tasks/renderPrints'

export { EDITION_STATUSES, PRINT_TEMPLATES, RENDER_PRINTS_TASK_SLUG } from './constants'
export type { EditionStatus, PrintTemplate } from './constants'
export type { PrintInput, RenderedPrint } from './render/types'
export type { PrintOptions } from './types'

/**
 * Print-ready PDFs made from published content: a pocket card, a manual and a hotline directory
 * per deliverable and locale, rendered by the worker whenever something they show changes, stored
 * as uploads with a first-page preview, withheld while stale, and offered to external sites on
 * the deliverable itself. See README.md beside this file.
 */
export const print =
  (incoming: PrintOptions) =>
  (config: Config): Config => {
    const options = resolvePrintOptions(incoming, config)
    const ownCollections = [generatePrintEditionsCollection(options), generatePrintFilesCollection(options)]
    const jobs = {
      ...config.jobs,
      // Runs of one deliverable are keyed (tasks/renderPrints.ts), which needs Payload's concurrency control.
      enableConcurrencyControl: true,
      tasks: [...(config.jobs?.tasks ?? []), renderPrintsTask(options)],
    }
    const { deliverables, hotlines, programme, trainingModules, watch } = options.sources
    const sources = new Set<string>([deliverables, hotlines, trainingModules, ...watch])
    const withPrintFields = (collection: CollectionConfig): CollectionConfig =>
      collection.slug === deliverables
        ? {
            ...collection,
            fields: [...collection.fields, ...printFields(options)],
          }
        : collection
    if (!options.enabled) {
      // The collections and fields stay registered so the schema does not change with the switch.
      return {
        ...config,
        collections: [...(config.collections ?? []).map(withPrintFields), ...ownCollections],
        jobs,
      }
    }
    const watchSource = (collection: CollectionConfig): CollectionConfig => {
      const withFields = withPrintFields(collection)
      if (!sources.has(collection.slug)) {
        return withFields
      }
      const isDeliverables = collection.slug === deliverables
      return {
        ...withFields,
        hooks: {
          ...collection.hooks,
          afterChange: [...(collection.hooks?.afterChange ?? []), markPrintsStaleAfterChange(options, collection.slug)],
          afterDelete: [...(collection.hooks?.afterDelete ?? []), markPrintsStaleAfterDelete(options, collection.slug)],
          afterRead: [...(collection.hooks?.afterRead ?? []), ...(isDeliverables ? [annotatePrintAfterRead(options)] : [])],
          beforeDelete: [...(collection.hooks?.beforeDelete ?? []), ...(isDeliverables ? [removePrintsBeforeDelete(options)] : [])],
        },
      }
    }
    const watchProgramme = (global: GlobalConfig): GlobalConfig =>
      global.slug === programme
        ? {
            ...global,
            hooks: {
              ...global.hooks,
              afterChange: [...(global.hooks?.afterChange ?? []), markPrintsStaleAfterGlobalChange(options)],
            },
          }
        : global
    return {
      ...config,
      collections: [...(config.collections ?? []).map(watchSource), ...ownCollections],
      globals: (config.globals ?? []).map(watchProgramme),
      jobs,
    }
  }
