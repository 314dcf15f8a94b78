import type { CollectionSlug, Config, GlobalSlug } from 'payload'

import path from 'node:path'

import type { PrintOptions, ResolvedPrintOptions } from './types'

import { localeCodesOf } from '../shared'
import { DEFAULT_SLUGS, PRINT_TEMPLATES } from './constants'

const DEFAULT_TEMPLATES = {
  'hotline-directory': 'hotline-directory',
  'pocket-card': 'pocket-card',
  'practitioners-manual': 'manual',
} as const

/**
 * Fills in every option's default once and throws at start for options that cannot work. Slugs
 * become `CollectionSlug` here, the one place they are taken on trust: each is checked against the
 * config.
 */
export function resolvePrintOptions(options: PrintOptions, config: Config): ResolvedPrintOptions {
  const collections = config.collections ?? []
  const slugs = { ...DEFAULT_SLUGS, ...options.slugs }
  for (const own of Object.values(slugs)) {
    if (collections.some((collection) => collection.slug === own)) {
      throw new Error(`print: the config already has a collection "${own}"; give the plugin's own another slug in its slugs option.`)
    }
  }
  const collection = (name: string): CollectionSlug => {
    if (!collections.some(({ slug }) => slug === name)) {
      throw new Error(`print: collection "${name}" is not in the config.`)
    }
    return name as CollectionSlug
  }
  const programme = options.sources?.programme ?? 'programme'
  if (!(config.globals ?? []).some(({ slug }) => slug === programme)) {
    throw new Error(`print: global "${programme}" is not in the config.`)
  }
  const templates = options.sources?.templates ?? DEFAULT_TEMPLATES
  const unknownTemplate = Object.values(templates).find((template) => !PRINT_TEMPLATES.includes(template))
  if (unknownTemplate) {
    throw new Error(`print: sources.templates names "${unknownTemplate}"; the templates are ${PRINT_TEMPLATES.join(', ')}.`)
  }
  const locales = localeCodesOf(config)
  if (!locales.length) {
    throw new Error('print: the config has no localization; a print is made per locale.')
  }
  const previewWidthPx = options.previewWidthPx ?? 600
  if (!Number.isInteger(previewWidthPx) || previewWidthPx < 100 || previewWidthPx > 4000) {
    throw new Error(`print: previewWidthPx must be a whole number from 100 to 4000; got ${previewWidthPx}.`)
  }
  const serverURL = (config.serverURL ?? '').replace(/\/$/, '')
  return {
    componentsPath: options.componentsPath ?? '/plugins/print/components',
    enabled: options.enabled ?? true,
    isEditor: options.access.isEditor,
    isStaff: options.access.isStaff,
    labels: options.labels ?? {},
    locales,
    onlineUrl: options.onlineUrl ?? (({ slug, locale }) => `${serverURL}/${locale}/deliverables/${encodeURIComponent(slug)}`),
    previewWidthPx,
    slugs: {
      editions: slugs.editions as CollectionSlug,
      files: slugs.files as CollectionSlug,
    },
    sourceLocale: typeof config.localization === 'object' && config.localization ? config.localization.defaultLocale : locales[0],
    sources: {
      deliverables: collection(options.sources?.deliverables ?? 'deliverables'),
      hotlines: collection(options.sources?.hotlines ?? 'hotlines'),
      programme: programme as GlobalSlug,
      templates,
      trainingModules: collection(options.sources?.trainingModules ?? 'training-modules'),
      watch: (options.sources?.watch ?? []).map(collection),
    },
    staticDir: options.staticDir ?? path.resolve(process.cwd(), 'print-files'),
  }
}
