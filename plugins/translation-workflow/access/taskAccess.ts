import type { Access } from 'payload'

import type { ResolvedTranslationWorkflowOptions, WorkflowUser } from '../types'

/** The target locales a user translates. */
export const translatorLocalesOf = (options: ResolvedTranslationWorkflowOptions, user: null | undefined | WorkflowUser): string[] =>
  options.targetLocales.filter((locale) => options.access.isTranslatorFor(user, locale))

/** Who may review a locale: an editor, or a translator of it (the translator of the task itself is refused separately). */
export const mayReview = (options: ResolvedTranslationWorkflowOptions, user: null | undefined | WorkflowUser, locale: string): boolean =>
  options.access.isEditor(user) || options.access.isTranslatorFor(user, locale)

/** Editors read every task; a translator reads the tasks of the locales they translate; nobody else any. */
export const readTasksAccess =
  (options: ResolvedTranslationWorkflowOptions): Access =>
  ({ req: { user } }) => {
    if (options.access.isEditor(user)) {
      return true
    }
    const locales = translatorLocalesOf(options, user)
    return locales.length > 0 ? { locale: { in: locales } } : false
  }

/**
 * Editors assign, schedule and delete tasks through the API; status and source records stay
 * locked to the workflow (fields/lockedToWorkflow.ts).
 */
export const manageTasksAccess =
  (options: ResolvedTranslationWorkflowOptions): Access =>
  ({ req: { user } }) =>
    options.access.isEditor(user)

/** Tasks exist because their documents do: the plugin creates them, nobody does through the API. */
export const createTasksAccess: Access = () => false
