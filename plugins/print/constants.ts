/** Slugs of the plugin's own collections unless `slugs` says otherwise. */
export const DEFAULT_SLUGS = {
  editions: 'print-editions',
  files: 'print-files',
} as const

/** The print layouts the plugin renders (render/types.ts). */
export const PRINT_TEMPLATES = ['pocket-card', 'manual', 'hotline-directory'] as const

export type PrintTemplate = (typeof PRINT_TEMPLATES)[number]

/**
 * - `current`: made from what the public reads now; offered to external sites.
 * - `stale`: something it was made from changed; withheld until the worker has checked or replaced it.
 * - `failed`: the content cannot be printed as it is (the report says why); nothing is offered.
 */
export const EDITION_STATUSES = ['current', 'stale', 'failed'] as const

export type EditionStatus = (typeof EDITION_STATUSES)[number]

export const RENDER_PRINTS_TASK_SLUG = 'renderPrints'
