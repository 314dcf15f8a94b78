import type { CollectionConfig, Config } from 'payload'

import type { TranslationWorkflowContract } from '../translation-workflow'
import type { TranslationInterchangeOptions } from './types'

import { withAdminComponents } from '../shared'
import { generateGlossaryCollection } from './collections/GlossaryTerms'
import { generateImportJournalCollection } from './collections/ImportJournal'
import { generateTranslationMemoryCollection } from './collections/TranslationMemory'
import { COMPONENT_PATHS, PRE_TRANSLATION_FIELD } from './constants'
import { resolveTranslationInterchangeOptions } from './defaults'
import { exportXliffEndpoint } from './endpoints/exportXliff'
import { importXliffEndpoint } from './endpoints/importXliff'
import { leverageEndpoint } from './endpoints/leverage'
import { memoryTmxEndpoints } from './endpoints/memoryTmx'
import { preTranslateEndpoint } from './endpoints/preTranslate'
import { qaReportEndpoint } from './endpoints/qaReport'
import { suggestionsEndpoint } from './endpoints/suggestions'
import { generateTranslationSettingsGlobal } from './globals/TranslationSettings'
import { rememberApprovedTranslationAfterChange } from './hooks/rememberApprovedTranslationAfterChange'
import { resumePendingImports } from './operations/applyImport'
import { reindexMemory } from './operations/reindexMemory'
import { qaSubmitCheck } from './operations/taskQa'

export { DEFAULT_SLUGS, ERRORS, NEVER_SEND_KEY, UNIT_PROBLEMS, XLIFF_ENDPOINTS, XLIFF_VERSIONS } from './constants'
export type { CollectionOverride, TranslationInterchangeOptions } from './types'
export { deeplProvider, libreTranslateProvider, openAiCompatibleProvider } from './providers'
export type { DeepLProviderOptions, LibreTranslateProviderOptions, OpenAiCompatibleProviderOptions } from './providers'
export type { MachineTranslationOptions, NeverSendOptions } from './types'
export { MachineTranslationError } from './utilities/machineTranslation'
export type { MachineTranslationContext, MachineTranslationProvider, MachineTranslationTerm } from './utilities/machineTranslation'

/**
 * Translation in the tools translators use: XLIFF 2.0/1.2 export and all-or-nothing import of the
 * translation workflow's tasks, a glossary with forbidden terms, a translation memory (TMX in and
 * out), QA checks (also run before every submit, as a workflow submit check) and pluggable machine
 * translation offered only as suggestions. Goes after `translationWorkflow` in the plugin list: it
 * reads that plugin's tasks collection and joins its submit checks.
 */
export const translationInterchange =
  (incoming: TranslationInterchangeOptions) =>
  (config: Config): Config => {
    const options = resolveTranslationInterchangeOptions(incoming, config)
    const existing = config.collections ?? []
    for (const slug of options.collections) {
      if (!existing.some((collection) => collection.slug === slug)) {
        throw new Error(`translationInterchange: collection "${slug}" is not in the config.`)
      }
    }
    if (!existing.some((collection) => collection.slug === options.tasksCollection)) {
      throw new Error(
        `translationInterchange: the tasks collection "${options.tasksCollection}" is missing; register translationWorkflow first.`,
      )
    }
    // Registered whether enabled or not (the settings global too), so the schema does not change with the switch.
    const added = [generateGlossaryCollection(options), generateTranslationMemoryCollection(options), generateImportJournalCollection(options)]
    const globals = [...(config.globals ?? []), generateTranslationSettingsGlobal(options)]
    if (!options.enabled) {
      return { ...config, collections: [...existing, ...added], globals }
    }
    const extendTasksCollection = (collection: CollectionConfig): CollectionConfig =>
      collection.slug === options.tasksCollection
        ? {
            ...collection,
            // The last pre-translation's report and the fields it filled, which the reviewer must
            // check (operations/preTranslate.ts); written by the plugin only.
            fields: [
              ...collection.fields,
              {
                name: PRE_TRANSLATION_FIELD,
                type: 'json',
                access: { create: () => false, update: () => false },
                admin: { description: 'Fields filled by pre-translation, for the reviewer to check.', readOnly: true },
                label: 'Pre-translation',
              },
            ],
            hooks: {
              ...collection.hooks,
              afterChange: [...(collection.hooks?.afterChange ?? []), rememberApprovedTranslationAfterChange(options)],
            },
          }
        : collection
    // The workflow (registered before) publishes the checks its submit runs, QA joins them; and the
    // translate view's editor slot, which the interchange's help takes.
    const workflow = config.custom?.translationWorkflow as TranslationWorkflowContract
    if (workflow.translateViewSlots.editor) {
      throw new Error(`translationInterchange: the translate view's editor slot is taken by "${workflow.translateViewSlots.editor}".`)
    }
    const custom = {
      ...config.custom,
      translationWorkflow: {
        ...workflow,
        submitChecks: [...workflow.submitChecks, qaSubmitCheck(options)],
        translateViewSlots: { ...workflow.translateViewSlots, editor: COMPONENT_PATHS.translateEditor },
      } satisfies TranslationWorkflowContract,
    }
    return {
      ...config,
      admin: {
        ...withAdminComponents(config.admin, {
          afterNavLinks: [COMPONENT_PATHS.xliffNavLink],
          views: {
            xliff: {
              Component: {
                path: COMPONENT_PATHS.xliffView,
                serverProps: {
                  isEditor: options.access.isEditor,
                  maxDocumentsPerExport: options.maxDocumentsPerExport,
                  targetLocales: options.targetLocales,
                  tasksCollection: options.tasksCollection,
                },
              },
              path: '/xliff',
            },
          },
        }),
        // Rendered by the workflow's translate view, not named anywhere in the config: listed so that
        // the import map holds it.
        dependencies: {
          ...config.admin?.dependencies,
          translationInterchangeTranslateEditor: { type: 'component', path: COMPONENT_PATHS.translateEditor },
        },
      },
      collections: [...existing.map(extendTasksCollection), ...added],
      custom,
      endpoints: [
        ...(config.endpoints ?? []),
        exportXliffEndpoint(options),
        importXliffEndpoint(options),
        leverageEndpoint(options),
        preTranslateEndpoint(options),
        suggestionsEndpoint(options),
        qaReportEndpoint(options),
        ...memoryTmxEndpoints(options),
      ],
      globals,
      onInit: async (payload) => {
        await config.onInit?.(payload)
        // An import a killed process left half-done is finished before this one serves anything.
        await resumePendingImports(options, payload)
        // Entries stored before the memory's lookup index, or bulk-loaded into the database, get it.
        await reindexMemory(options, payload)
      },
    }
  }
