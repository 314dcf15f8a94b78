import type { CollectionSlug, Config } from 'payload'

import type { ResolvedTranslationWorkflowOptions, TranslationWorkflowOptions } from './types'

import { localeCodesOf } from '../shared'
import { DEFAULT_SLUGS } from './constants'

/**
 * The auth collection whose people translate: the one the admin panel signs into, else the first
 * auth collection. The plugin does not guess a slug: without an auth collection there is nobody
 * to hold a task.
 */
const usersCollectionOf = (options: TranslationWorkflowOptions, config: Config): string => {
  const slug = options.usersCollection ?? config.admin?.user ?? config.collections?.find((collection) => collection.auth)?.slug
  if (!slug) {
    throw new Error('translationWorkflow: the config has no auth collection; pass usersCollection.')
  }
  const users = config.collections?.find((collection) => collection.slug === slug)
  if (!users?.auth) {
    throw new Error(`translationWorkflow: usersCollection "${slug}" is not an auth collection of the config.`)
  }
  return slug
}

/**
 * Fills in every option's default once; the rest of the plugin reads only the resolved options.
 * Throws at start for options that cannot work. Slugs become `CollectionSlug` here, the one place
 * they are taken on trust: the users collection is checked here, the translated collections in
 * index.ts, and the tasks collection is the plugin's own.
 */
export const resolveTranslationWorkflowOptions = (options: TranslationWorkflowOptions, config: Config): ResolvedTranslationWorkflowOptions => {
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
  const slug = (value: string) => value as CollectionSlug
  if (typeof options.access?.isEditor !== 'function' || typeof options.access.isTranslatorFor !== 'function') {
    throw new Error("translationWorkflow: access.isEditor and access.isTranslatorFor are required: the roles are the project's.")
  }
  return {
    access: options.access,
    collections: options.collections.map(slug),
    enabled: options.enabled ?? true,
    notifications: options.notifications ?? true,
    overrides: { tasks: options.overrides?.tasks },
    publishLocalesSeparately: options.publishLocalesSeparately ?? true,
    slugs: { tasks: slug(options.slugs?.tasks ?? DEFAULT_SLUGS.tasks) },
    sourceLocale,
    targetLocales,
    usersCollection: slug(usersCollectionOf(options, config)),
  }
}

export type { ResolvedTranslationWorkflowOptions } from './types'
