import type { CollectionSlug, Config, GlobalSlug } from 'payload'

import type { TranslationWorkflowContract } from '../translation-workflow'
import type { MachineTranslationOptions, ResolvedTranslationInterchangeOptions, TranslationInterchangeOptions } from './types'

import { DEFAULT_SLUGS } from './constants'
import { DEFAULT_QA_SEVERITIES, QA_CHECKS, QA_SEVERITIES, type QaSeverities } from './utilities/qa'

const defaultPhoneCountryOf = (document: Record<string, unknown>): string | undefined =>
  typeof document.country === 'string' && /^[A-Z]{2}$/.test(document.country) ? document.country : undefined

const wholeNumberOption = (name: string, value: number): number => {
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`translationInterchange: ${name} must be a whole number of 1 or more; got ${value}.`)
  }
  return value
}

const resolveMachineTranslation = (
  { collections, neverSend = {}, provider, providers, timeoutMs = 8000 }: MachineTranslationOptions,
  translated: string[],
): ResolvedTranslationInterchangeOptions['machineTranslation'] => {
  const untranslated = (collections ?? []).filter((slug) => !translated.includes(slug))
  if (untranslated.length > 0) {
    throw new Error(`translationInterchange: machineTranslation.collections names collections the workflow does not translate: ${untranslated.join(', ')}.`)
  }
  const byLocale = typeof providers === 'function' ? providers : (locale: string) => providers?.[locale]
  return {
    collections: (collections ?? translated) as CollectionSlug[],
    neverSend: { collections: neverSend.collections ?? [], documents: neverSend.documents ?? (() => false), fields: neverSend.fields ?? {} },
    providerFor: (locale) => {
      const chosen = byLocale(locale)
      return chosen === null ? undefined : (chosen ?? provider)
    },
    timeoutMs: wholeNumberOption('machineTranslation.timeoutMs', timeoutMs),
  }
}

/** The checks' severities over their defaults; a check or a severity that does not exist is a mistake worth stopping for. */
const resolveQaSeverities = (severities: Record<string, unknown> = {}): QaSeverities => {
  for (const [check, severity] of Object.entries(severities)) {
    if (!(check in QA_CHECKS)) {
      throw new Error(`translationInterchange: qa.severities names no check "${check}"; the checks are ${Object.keys(QA_CHECKS).join(', ')}.`)
    }
    if (!(QA_SEVERITIES as readonly unknown[]).includes(severity)) {
      throw new Error(`translationInterchange: qa.severities.${check} must be one of ${QA_SEVERITIES.join(', ')}; got ${String(severity)}.`)
    }
  }
  return { ...DEFAULT_QA_SEVERITIES, ...severities }
}

/**
 * Fills in every default once and throws at start for options that cannot work; the rest of the
 * plugin reads only the resolved options. Slugs become `CollectionSlug` here, the one place they
 * are taken on trust: index.ts checks at start that the workflow's collections exist and registers
 * the plugin's own under these slugs.
 */
export const resolveTranslationInterchangeOptions = (
  options: TranslationInterchangeOptions,
  config: Config,
): ResolvedTranslationInterchangeOptions => {
  // What is translated, from which locale and into which, and where the tasks are: the workflow's,
  // never repeated here.
  const workflow = config.custom?.translationWorkflow as TranslationWorkflowContract | undefined
  if (!workflow) {
    throw new Error('translationInterchange: the translation workflow is missing; register translationWorkflow before it.')
  }
  const maxParallelExports = wholeNumberOption('maxParallelExports', options.maxParallelExports ?? 2)
  const maxDocumentsPerExport = wholeNumberOption('maxDocumentsPerExport', options.maxDocumentsPerExport ?? 1000)
  const slug = (value: string) => value as CollectionSlug
  const slugs = { ...DEFAULT_SLUGS, ...options.slugs }
  if (typeof options.access?.isEditor !== 'function' || typeof options.access.isTranslatorFor !== 'function') {
    throw new Error("translationInterchange: access.isEditor and access.isTranslatorFor are required: the roles are the project's.")
  }
  return {
    access: {
      ...options.access,
      isStaff:
        options.access.isStaff ??
        ((user) => options.access.isEditor(user) || workflow.targetLocales.some((locale) => options.access.isTranslatorFor(user, locale))),
    },
    collections: workflow.collections.map(slug),
    enabled: options.enabled ?? true,
    machineTranslation: resolveMachineTranslation(options.machineTranslation ?? {}, workflow.collections),
    maxDocumentsPerExport,
    maxFileBytes: options.maxFileBytes ?? 5 * 1024 * 1024,
    maxParallelExports,
    overrides: options.overrides ?? {},
    phoneCountryOf: options.phoneCountryOf ?? defaultPhoneCountryOf,
    qa: { severities: resolveQaSeverities(options.qa?.severities) },
    slugs: {
      glossary: slug(slugs.glossary),
      importJournal: slug(slugs.importJournal),
      memory: slug(slugs.memory),
      settings: slugs.settings as GlobalSlug,
    },
    sourceLocale: workflow.sourceLocale,
    statusAfterImport: options.statusAfterImport ?? 'in-review',
    targetLocales: workflow.targetLocales,
    tasksCollection: slug(workflow.tasksSlug),
  }
}
