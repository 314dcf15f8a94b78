import type { CollectionConfig, CollectionSlug, Config, GlobalSlug } from 'payload'

import path from 'node:path'
import { flattenTopLevelFields } from 'payload'

import type { PrintOptions, ResolvedPrintOptions } from './types'

import { localeCodesOf } from '../shared'
import { DEFAULT_SLUGS, PRINT_TEMPLATES } from './constants'
import { DEFAULT_MAX_PAGES } from './render/budget'

const DEFAULT_TEMPLATES = {
  'hotline-directory': 'hotline-directory',
  'pocket-card': 'pocket-card',
  'practitioners-manual': 'manual',
} as const

/**
 * The top-level relationship fields of a source collection that point at a watched collection
 * (the deliverables' and modules' `phase`): a write to a watched document then touches only the
 * prints of what names it. `null` when a field points there among other collections, which a
 * query by id cannot follow.
 */
function fieldsPointingAt(source: CollectionConfig | undefined, watched: string): null | string[] {
  const names: string[] = []
  for (const field of flattenTopLevelFields(source?.fields ?? [])) {
    if ((field.type === 'relationship' || field.type === 'upload') && 'name' in field) {
      if (field.relationTo === watched) {
        names.push(field.name)
      } else if (Array.isArray(field.relationTo) && (field.relationTo as string[]).includes(watched)) {
        return null
      }
    }
  }
  return names
}

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
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES
  if (!Number.isInteger(maxPages) || maxPages < 1 || maxPages > 5000) {
    throw new Error(`print: maxPages must be a whole number from 1 to 5000; got ${maxPages}.`)
  }
  const deliverablesSlug = collection(options.sources?.deliverables ?? 'deliverables')
  const hotlinesSlug = collection(options.sources?.hotlines ?? 'hotlines')
  const modulesSlug = collection(options.sources?.trainingModules ?? 'training-modules')
  const watchEntries = (options.sources?.watch ?? []).map((entry) => (typeof entry === 'string' ? { collection: entry } : entry))
  const watched = watchEntries.map((entry) => collection(entry.collection))
  const watchedVia: ResolvedPrintOptions['sources']['watchedVia'] = {}
  for (const entry of watchEntries) {
    if ('via' in entry) {
      const field = flattenTopLevelFields(collections.find(({ slug }) => slug === entry.collection)?.fields ?? []).find(
        (candidate) => 'name' in candidate && candidate.name === entry.via,
      )
      const target = field && field.type === 'relationship' && !field.hasMany && typeof field.relationTo === 'string' ? field.relationTo : undefined
      if (!target || ![...watched, deliverablesSlug, modulesSlug, hotlinesSlug].includes(target as CollectionSlug)) {
        throw new Error(
          `print: sources.watch: "${entry.collection}".${entry.via} must be a top-level relationship to one source or watched collection.`,
        )
      }
      watchedVia[entry.collection] = { field: entry.via, target: target as CollectionSlug }
    }
  }
  const serverURL = (config.serverURL ?? '').replace(/\/$/, '')
  return {
    componentsPath: options.componentsPath ?? '/plugins/print/components',
    enabled: options.enabled ?? true,
    isEditor: options.access.isEditor,
    isStaff: options.access.isStaff,
    labels: options.labels ?? {},
    locales,
    maxPages,
    onlineUrl: options.onlineUrl ?? (({ slug, locale }) => `${serverURL}/${locale}/deliverables/${encodeURIComponent(slug)}`),
    previewWidthPx,
    slugs: {
      editions: slugs.editions as CollectionSlug,
      files: slugs.files as CollectionSlug,
    },
    sourceLocale: typeof config.localization === 'object' && config.localization ? config.localization.defaultLocale : locales[0],
    sources: {
      deliverables: deliverablesSlug,
      hotlines: hotlinesSlug,
      programme: programme as GlobalSlug,
      templates,
      trainingModules: modulesSlug,
      watch: watched,
      watchedBy: Object.fromEntries(
        watched.map((slug) => {
          const of = (name: string) => fieldsPointingAt(collections.find((candidate) => candidate.slug === name), slug)
          const hotlineFields = of(hotlinesSlug)
          const via = { deliverables: of(deliverablesSlug), trainingModules: of(modulesSlug) }
          // Hotlines are printed by country, not by what they name: a watched collection they point at touches every print.
          return [slug, hotlineFields?.length === 0 && via.deliverables && via.trainingModules ? via : null]
        }),
      ) as ResolvedPrintOptions['sources']['watchedBy'],
      watchedVia,
    },
    staticDir: options.staticDir ?? path.resolve(process.cwd(), 'print-files'),
  }
}
