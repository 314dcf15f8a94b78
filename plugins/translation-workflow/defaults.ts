import type { Config } from 'payload'

import type { ResolvedTranslationWorkflowOptions, TranslationWorkflowOptions } from './types'

import { localeCodesOf } from '../shared'
import { DEFAULT_TASKS_SLUG } from './constants'

/** Fills in every default once; throws at start for options that cannot work. */
export const withDefaults = (options: TranslationWorkflowOptions, config: Config): ResolvedTranslationWorkflowOptions => {
  const localization = config.localization
  if (!localization) {
    throw new Error('translationWorkflow: the config has no localization; there is nothing to translate.')
  }
  const codes = localeCodesOf(config)
  const sourceLocale = options.sourceLocale ?? localization.defaultLocale
  if (!codes.includes(sourceLocale)) {
    throw new Error(`translationWorkflow: sourceLocale "${sourceLocale}" is not a configured locale.`)
  }
  const targetLocales = options.targetLocales ?? codes.filter((code) => code !== sourceLocale)
  for (const locale of targetLocales) {
    if (!codes.includes(locale) || locale === sourceLocale) {
      throw new Error(`translationWorkflow: target locale "${locale}" is not a configured locale other than the source.`)
    }
  }
  return {
    collections: options.collections,
    enabled: options.enabled ?? true,
    isEditor: options.isEditor,
    isTranslatorFor: options.isTranslatorFor,
    notifications: options.notifications ?? true,
    publishLocalesSeparately: options.publishLocalesSeparately ?? true,
    sourceLocale,
    targetLocales,
    tasksCollection: { slug: options.tasksCollection?.slug ?? DEFAULT_TASKS_SLUG, overrides: options.tasksCollection?.overrides },
    usersCollection: options.usersCollection ?? config.admin?.user ?? 'users',
  }
}
