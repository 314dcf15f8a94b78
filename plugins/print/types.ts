import type { CollectionSlug, GlobalSlug, PayloadRequest } from 'payload'

import type { PrintTemplate } from './constants'
import type { PrintLabels } from './render/types'

type PrintUser = NonNullable<PayloadRequest['user']>
type UserPredicate = (user: null | PrintUser | undefined) => boolean

/** Who may do what. Required: the plugin knows nothing of the project's roles. */
export type PrintAccess = {
  /** Who may ask for a print to be made again now. */
  isEditor: UserPredicate
  /** Who reads every edition (stale and failed ones, the omitted-hotlines report) and every file. */
  isStaff: UserPredicate
}

/**
 * The collections a print is made from. Their documents are read as an anonymous reader would
 * (the collections' own read access, with everything other plugins wrap around it), so a print
 * never holds a draft, an unreleased phase's content or a staff-only field. The field names are
 * the ones README.md lists.
 */
export type PrintSources = {
  /** @default 'deliverables' */
  deliverables?: string
  /** @default 'hotlines' */
  hotlines?: string
  /** The global with the programme's `name` and `fundingStatement`. @default 'programme' */
  programme?: string
  /**
   * Which template a deliverable's `type` gets; other types are not printed.
   * @default { 'pocket-card': 'pocket-card', 'practitioners-manual': 'manual', 'hotline-directory': 'hotline-directory' }
   */
  templates?: Record<string, PrintTemplate>
  /** @default 'training-modules' */
  trainingModules?: string
  /**
   * Further collections whose writes change what the public may read of the sources (this
   * project: `phases`, whose gate releases deliverables and modules). A write to one makes the
   * prints of the deliverables that name it stale, and of those whose training modules name it
   * (top-level relationship fields, found in the config); every print, when hotlines name it or a
   * field points at it among other collections.
   * @default []
   */
  watch?: Array<string | WatchVia>
}

/**
 * A watched collection whose documents stand for another's: a write to one counts as a write to
 * the document its `via` relationship names (this project: a gate decision, in `gates`, counts as
 * a write to the gate's phase).
 */
export type WatchVia = { collection: string; via: string }

export type PrintOptions = {
  access: PrintAccess
  /** Where the admin components live, for Payload's import map. @default '/plugins/print/components' */
  componentsPath?: string
  /** @default true. Off keeps the collections registered, so the schema does not change with the switch. */
  enabled?: boolean
  /** Wording on the page per locale, over the plugin's own (render/labels.ts). */
  labels?: Record<string, Partial<PrintLabels>>
  /**
   * Where a pocket card's QR code points: the online version of a deliverable in a language.
   * @default `${serverURL}/${locale}/deliverables/${slug}`
   */
  onlineUrl?: (args: { id: number | string; locale: string; slug: string }) => string
  /**
   * Longest manual or hotline directory, in pages: a longer one fails with a message for the
   * editor, and the render stops there, so the worst content costs the worker what this many
   * pages cost. @default 400
   */
  maxPages?: number
  /** Width of the first-page PNG preview. @default 600 */
  previewWidthPx?: number
  /** Where the PDFs and previews are stored on disk (or the storage adapter's prefix). @default `<cwd>/print-files` */
  staticDir?: string
  /** Slugs of the plugin's own collections (stored data lives under them: change them only with a migration). */
  slugs?: { editions?: string; files?: string }
  sources?: PrintSources
}

/** The options with every default filled in and every slug typed once; what the plugin's parts read. */
export type ResolvedPrintOptions = {
  componentsPath: string
  enabled: boolean
  isEditor: UserPredicate
  isStaff: UserPredicate
  labels: Record<string, Partial<PrintLabels>>
  /** The configured locales; the first is the source every print falls back to. */
  locales: string[]
  maxPages: number
  onlineUrl: (args: { id: number | string; locale: string; slug: string }) => string
  previewWidthPx: number
  slugs: { editions: CollectionSlug; files: CollectionSlug }
  sourceLocale: string
  staticDir: string
  sources: {
    deliverables: CollectionSlug
    hotlines: CollectionSlug
    programme: GlobalSlug
    templates: Record<string, PrintTemplate>
    trainingModules: CollectionSlug
    watch: CollectionSlug[]
    /**
     * Per watched collection, the relationship fields of the deliverables and of the training
     * modules that point at it; `null`: a write to it may touch any print.
     */
    watchedBy: Record<string, { deliverables: string[]; trainingModules: string[] } | null>
    /** Watched collections that stand for another (`WatchVia`): the field, and the collection it names. */
    watchedVia: Record<string, { field: string; target: CollectionSlug }>
  }
}
