import type { Config } from 'payload'

import type { TranslationWorkflowContract } from '../translation-workflow'
import type { ResolvedTranslationInterchangeOptions, TranslationInterchangeOptions } from './types'

import { DEFAULT_GLOSSARY_SLUG, DEFAULT_MEMORY_SLUG } from './constants'

const defaultPhoneCountryOf = (document: Record<string, unknown>): string | undefined =>
  typeof document.country === 'string' && /^[A-Z]{2}$/.test(document.country) ? document.country : undefined

const wholeNumberOption = (name: string, value: number): number => {
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`translationInterchange: ${name} must be a whole number of 1 or more; got ${value}.`)
  }
  return value
}

/** Fills in every default once; throws at start for options that cannot work. */
export const withDefaults = (options: TranslationInterchangeOptions, config: Config): ResolvedTranslationInterchangeOptions => {
  // What is translated, from which locale and into which, and where the tasks are: the workflow's,
  // never repeated here.
  const workflow = config.custom?.translationWorkflow as TranslationWorkflowContract | undefined
  if (!workflow) {
    throw new Error('translationInterchange: the translation workflow is missing; register translationWorkflow before it.')
  }
  const maxParallelExports = wholeNumberOption('maxParallelExports', options.maxParallelExports ?? 2)
  const maxDocumentsPerExport = wholeNumberOption('maxDocumentsPerExport', options.maxDocumentsPerExport ?? 1000)
  return {
    collections: workflow.collections,
    enabled: options.enabled ?? true,
    glossary: { slug: options.glossary?.slug ?? DEFAULT_GLOSSARY_SLUG, overrides: options.glossary?.overrides },
    isEditor: options.isEditor,
    isTranslatorFor: options.isTranslatorFor,
    machineTranslation: {
      neverSend: {
        collections: options.machineTranslation?.neverSend?.collections ?? [],
        fields: options.machineTranslation?.neverSend?.fields ?? {},
      },
      provider: options.machineTranslation?.provider,
    },
    maxDocumentsPerExport,
    maxFileBytes: options.maxFileBytes ?? 5 * 1024 * 1024,
    maxParallelExports,
    memory: { slug: options.memory?.slug ?? DEFAULT_MEMORY_SLUG, overrides: options.memory?.overrides },
    phoneCountryOf: options.phoneCountryOf ?? defaultPhoneCountryOf,
    sourceLocale: workflow.sourceLocale,
    statusAfterImport: options.statusAfterImport ?? 'in-review',
    targetLocales: workflow.targetLocales,
    tasksCollection: workflow.tasksSlug,
  }
}
