/**
 * Names shared by the plugin, its tests and (later) its admin UI, so none of them spells a status
 * twice.
 */
export const TASK_STATUSES = ['untranslated', 'in-progress', 'in-review', 'approved', 'outdated', 'returned'] as const

export type TaskStatus = (typeof TASK_STATUSES)[number]

/**
 * The four buckets of the progress report. `in-review` and `returned` are work under way, so they
 * count as in progress; only an approved task whose source has not changed since counts as done.
 */
export const PROGRESS_BUCKET_OF_STATUS: Record<TaskStatus, ProgressBucket> = {
  approved: 'approved',
  'in-progress': 'inProgress',
  'in-review': 'inProgress',
  outdated: 'outdated',
  returned: 'inProgress',
  untranslated: 'untranslated',
}

export const PROGRESS_BUCKETS = ['approved', 'outdated', 'inProgress', 'untranslated'] as const

export type ProgressBucket = (typeof PROGRESS_BUCKETS)[number]

export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const

export type TaskPriority = (typeof TASK_PRIORITIES)[number]

/** Slugs of the plugin's own collections unless `slugs` says otherwise. */
export const DEFAULT_SLUGS = { tasks: 'translation-tasks' } as const

const COMPONENTS_DIR = '/plugins/translation-workflow/components'

/**
 * The admin components the plugin registers, as import-map paths from the map's base directory
 * (the project root). Moving one changes the generated import map.
 */
export const COMPONENTS = {
  progressChart: `${COMPONENTS_DIR}/ProgressChart#TranslationProgressChart`,
  queueNavLink: `${COMPONENTS_DIR}/QueueView/NavLink#TranslationQueueNavLink`,
  queueView: `${COMPONENTS_DIR}/QueueView#QueueView`,
  statusPanel: `${COMPONENTS_DIR}/StatusPanel#TranslationStatusPanel`,
  translateView: `${COMPONENTS_DIR}/TranslateView#TranslateView`,
} as const

/** Tasks a translator is working on: the only ones through which they may write the document. */
export const WRITABLE_STATUSES: readonly TaskStatus[] = ['in-progress', 'returned', 'outdated']

/**
 * Tasks whose translation was made from an earlier source: a change to one of their source fields
 * makes them `outdated`. Untranslated tasks simply take the new fingerprints.
 */
export const OUTDATABLE_STATUSES: readonly TaskStatus[] = ['in-progress', 'in-review', 'approved', 'returned', 'outdated']

/** A task may be claimed while nobody holds it and it is not waiting for or past review. */
export const CLAIMABLE_STATUSES: readonly TaskStatus[] = ['untranslated', 'in-progress', 'returned', 'outdated']

/** Higher first in queues. */
export const PRIORITY_RANK: Record<TaskPriority, number> = { high: 2, low: 0, normal: 1, urgent: 3 }

/** E-mails the workflow sends; each user can switch each kind off. */
export const NOTIFICATION_KINDS = ['assigned', 'review-requested', 'returned', 'outdated'] as const

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

export const NOTIFICATION_LABELS: Record<NotificationKind, string> = {
  assigned: 'A translation was assigned to me',
  outdated: 'My approved translation became outdated',
  returned: 'My translation was returned',
  'review-requested': 'A translation awaits my review',
}

export const CHECK_OUTDATED_TASK_SLUG = 'translationWorkflowCheckOutdated'

export const BACKFILL_TASK_SLUG = 'translationWorkflowBackfill'

/** Keys of `req.context` the plugin sets. */
export const CONTEXT_KEYS = {
  /**
   * Set by hooks/separateLocalePublishingBeforeOperation.ts for a non-draft write that names no
   * `_status` (the collection's slug), read by hooks/keepPublicationStatusBeforeChange.ts.
   */
  keepStatus: 'translationWorkflowKeepStatus',
} as const

/** Error messages shared by endpoints, hooks and tests. */
export const ERRORS = {
  claimTaken: 'This task is already assigned.',
  commentsRequired: 'Returning a translation needs a comment for the translator.',
  directStatusChange: 'Task status and source records change only through the workflow (claim, submit, approve, return).',
  notAssignee: 'Only the translator holding this task may do this.',
  notReviewer: 'Only another translator of this language or an editor may review this translation.',
  notTranslator: 'Only a translator of this language may do this.',
  selfReview: 'You cannot review your own translation.',
  translatorCannotPublish: 'Translators save drafts; a translation is published when its review approves it.',
  translatorCannotRestore: 'Only editors restore versions: a restore rewrites every language and the publication state.',
  translatorWrite:
    'A translator may change only the translatable fields, in a language they translate, of a document whose task they hold.',
  wrongStatus: (action: string, status: string) => `Cannot ${action} a task that is ${status}.`,
} as const

/** The field the plugin adds to the users collection: the notification kinds a user switched off. */
export const NOTIFICATIONS_OFF_FIELD = 'translationNotificationsOff'
