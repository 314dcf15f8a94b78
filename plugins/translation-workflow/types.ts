import type { CollectionConfig, CollectionSlug, Field, PayloadRequest } from 'payload'

import type { StoredTask } from './utilities/storedTask'

/** The signed-in user as Payload hands it to access functions and hooks. */
export type WorkflowUser = NonNullable<PayloadRequest['user']>

export type TranslationWorkflowAccess = {
  /** Who manages the workflow: sees every task, assigns, sets due dates and priorities. */
  isEditor: (user: null | undefined | WorkflowUser) => boolean
  /** Whether the user translates (and may review others' work) in a locale. */
  isTranslatorFor: (user: null | undefined | WorkflowUser, locale: string) => boolean
}

export type TranslationWorkflowOptions = {
  /**
   * Slugs of the collections whose localized fields are translated through tasks. Each must have
   * at least one localized field.
   */
  collections: string[]
  /**
   * Switch the workflow's behaviour off. The tasks collection stays registered so that the
   * database schema does not change with the switch.
   * @default true
   */
  enabled?: boolean
  /** The project's roles, as the workflow asks for them. Required: the roles are the project's, not the plugin's. */
  access: TranslationWorkflowAccess
  /**
   * E-mail the people concerned (assigned, review requested, returned, outdated) through Payload's
   * e-mail adapter. Each user can switch each kind off on their account.
   * @default true
   */
  notifications?: boolean
  /**
   * Make every publish through the API publish only the locale it is made in (Payload's
   * `publishSpecificLocale`), so that publishing the source never publishes translations still
   * waiting for review. Approving a task publishes its locale the same way.
   * @default true
   */
  publishLocalesSeparately?: boolean
  /**
   * The locale every text is written in first.
   * @default the config's `localization.defaultLocale`
   */
  sourceLocale?: string
  /**
   * The locales translated from the source.
   * @default every configured locale except the source locale
   */
  targetLocales?: string[]
  /**
   * Changes to the collections the plugin adds, in the shape of Payload's own plugins
   * (plugin-form-builder's `formOverrides`): collection options (not the slug, see `slugs`) and
   * `fields`, which receives the generated fields and returns the ones to register. `access` and
   * `admin` are merged key by key; `hooks`, `endpoints` and `indexes` run or apply after the
   * workflow's own, which its records depend on.
   * @default the generated collections unchanged
   */
  overrides?: { tasks?: CollectionOverride }
  /** Slugs of the collections the plugin adds. */
  slugs?: {
    /**
     * The collection that holds one task per document × target locale.
     * @default 'translation-tasks'
     */
    tasks?: string
  }
  /**
   * The auth collection of the people who translate, review and manage; it receives a field for
   * muting notifications, and the tasks' assignee, reviewer and translator point at it.
   * @default the config's `admin.user`, else its first auth collection
   */
  usersCollection?: string
}

/** How a project changes a collection the plugin adds. */
export type CollectionOverride = Omit<Partial<CollectionConfig>, 'fields' | 'slug'> & {
  fields?: (args: { defaultFields: Field[] }) => Field[]
}

/**
 * The options with every default filled in and every slug typed once; what the plugin's parts read.
 */
export type ResolvedTranslationWorkflowOptions = {
  access: TranslationWorkflowAccess
  collections: CollectionSlug[]
  enabled: boolean
  notifications: boolean
  overrides: { tasks?: CollectionOverride }
  publishLocalesSeparately: boolean
  slugs: { tasks: CollectionSlug }
  sourceLocale: string
  targetLocales: string[]
  usersCollection: CollectionSlug
}

/**
 * One thing a submit check found in a task's translation. An `error` refuses the submit; a
 * `warning` is shown and never blocks. Checks may add their own keys (the check's name, the field).
 */
export type SubmitFinding = { [key: string]: unknown; level: 'error' | 'warning'; message: string }

/**
 * A check other plugins register to run before a task is submitted for review, by appending it to
 * `config.custom.translationWorkflow.submitChecks` (the translation-interchange plugin adds its QA).
 * It receives the task as stored and the request of the translator who submits; it reads, never writes.
 */
export type SubmitCheck = (args: { req: PayloadRequest; task: StoredTask }) => Promise<SubmitFinding[]>

/**
 * A rule other plugins register (by appending it to `config.custom.translationWorkflow.publishGuards`)
 * that may hold back the publish of one locale of a document: an approval asks every guard with the
 * task's locale, and a guard answers why that locale may not be published now, or null.
 */
export type PublishGuard = (args: { collection: string; id: number | string; locale: string; req: PayloadRequest }) => Promise<null | string>

/**
 * Admin components other plugins put into the translate view (`/admin/translate/:taskId`), as import
 * map paths. `editor`: a client component rendered in place of the plain editor with the editor's
 * props (`TranslateEditorProps`), which renders `TranslateEditor` from `exports/client` with its
 * `useAssist` (translation-interchange's suggestions and QA). One plugin may take it.
 */
export type TranslateViewSlots = { editor?: string }

type Id = number | string

/**
 * What the workflow publishes as `config.custom.translationWorkflow` (no imports between plugins at
 * runtime): what it translates, questions others may ask, and lists plugins registered after it
 * append to. The delivery API marks outdated translations, the phase gate guards publishes, the
 * interchange adds its QA as a submit check and its help to the translate view.
 */
export type TranslationWorkflowContract = {
  /** The locales of a document whose translation is approved and current. */
  approvedLocales: (args: { collection: string; id: Id; req: PayloadRequest }) => Promise<string[]>
  /** Slugs of the translated collections. */
  collections: string[]
  /** Whether the document's translation into the locale was made from a source that changed since. */
  isOutdated: (args: { collection: string; id: Id; locale: string; req: unknown }) => Promise<boolean>
  /** Asked, each with the task's locale, before an approval publishes that locale. */
  publishGuards: PublishGuard[]
  sourceLocale: string
  /** Run, in order, before a task is submitted for review. */
  submitChecks: SubmitCheck[]
  targetLocales: string[]
  /** The slug of the tasks collection (one task per document × target locale). */
  tasksSlug: string
  translateViewSlots: TranslateViewSlots
}
