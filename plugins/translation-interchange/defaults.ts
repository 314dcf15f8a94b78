import type { Config } from 'payload'

import type { ResolvedTranslationInterchangeOptions, TranslationInterchangeOptions } from './types'

import { defaultIsEditor, defaultIsTranslatorFor } from '../translation-workflow/defaults'
import { DEFAULT_GLOSSARY_SLUG, DEFAULT_MEMORY_SLUG, DEFAULT_TASKS_SLUG } from './constants'

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
  const localization = config.localization
  if (!localization) {
    throw new Error('translationInterchange: the config has no localization; there is nothing to translate.')
  }
  const codes = localization.locales.map((locale) => (typeof locale === 'string' ? locale : locale.code))
  const sourceLocale = options.sourceLocale ?? localization.defaultLocale
  if (!codes.includes(sourceLocale)) {
    throw new Error(`translationInterchange: sourceLocale "${sourceLocale}" is not a configured locale.`)
  }
  const maxParallelExports = wholeNumberOption('maxParallelExports', options.maxParallelExports ?? 2)
  const maxDocumentsPerExport = wholeNumberOption('maxDocumentsPerExport', options.maxDocumentsPerExport ?? 1000)
  return {
    collections: options.collections,
    enabled: options.enabled ?? true,
    glossary: { slug: options.glossary?.slug ?? DEFAULT_GLOSSARY_SLUG, overrides: options.glossary?.overrides },
    isEditor: options.isEditor ?? defaultIsEditor,
    isTranslatorFor: options.isTranslatorFor ?? defaultIsTranslatorFor,
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
    sourceLocale,
    statusAfterImport: options.statusAfterImport ?? 'in-review',
    targetLocales: codes.filter((code) => code !== sourceLocale),
    tasksCollection: options.tasksCollection ?? DEFAULT_TASKS_SLUG,
  }
}
