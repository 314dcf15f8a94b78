import type { CollectionSlug } from 'payload'

import type { ResolvedTranslationWorkflowOptions } from '../types'

/**
 * The translated collection a name stands for (a task's `targetCollection`, a contract question),
 * typed as the slug it is, or undefined when the workflow does not translate it.
 */
export const translatedCollection = (options: Pick<ResolvedTranslationWorkflowOptions, 'collections'>, name: string): CollectionSlug | undefined =>
  options.collections.find((slug) => slug === name)
