import type { CollectionConfig, CollectionSlug, Config, Field } from 'payload'

import type { TranslationWorkflowContract, TranslationWorkflowOptions } from './types'

import { withAdminComponents } from '../shared'
import { guardDocumentLocks } from './access/lockAccess'
import { translatorWriteAccess } from './access/translatorWriteAccess'
import { generateTranslationTasksCollection } from './collections/TranslationTasks'
import { COMPONENTS, NOTIFICATION_KINDS, NOTIFICATION_LABELS, NOTIFICATIONS_OFF_FIELD } from './constants'
import { resolveTranslationWorkflowOptions } from './defaults'
import { progressEndpoint } from './endpoints/progress'
import { transitionMutations } from './endpoints/transitions'
import { createTranslationTasksAfterChange } from './hooks/createTranslationTasksAfterChange'
import { deleteTranslationTasksAfterDelete } from './hooks/deleteTranslationTasksAfterDelete'
import { keepPublicationStatusBeforeChange } from './hooks/keepPublicationStatusBeforeChange'
import { queueOutdatedCheckAfterChange } from './hooks/queueOutdatedCheckAfterChange'
import { refuseRestoreWithoutUpdateRightBeforeOperation } from './hooks/refuseRestoreWithoutUpdateRightBeforeOperation'
import { separateLocalePublishingBeforeOperation } from './hooks/separateLocalePublishingBeforeOperation'
import { queueBackfillWhenTasksAreMissing } from './operations/backfill'
import { translationWorkflowContract } from './operations/contract'
import { backfillTask, checkOutdatedTask } from './tasks'
import { hasLocalizedFields } from './utilities/localizedValues'
import { translatedCollection } from './utilities/translatedCollection'

// The public surface: what other plugins (translation-interchange) may import. Admin components
// are in exports/client (client) and exports/rsc (server components).
export { ERRORS, NOTIFICATION_KINDS, TASK_PRIORITIES, TASK_STATUSES, WRITABLE_STATUSES } from './constants'
export type { NotificationKind, TaskPriority, TaskStatus } from './constants'
export type {
  CollectionOverride,
  PublishGuard,
  SubmitCheck,
  SubmitFinding,
  TranslateViewSlots,
  TranslationWorkflowContract,
  TranslationWorkflowOptions,
} from './types'
export { fingerprintValue } from './utilities/fingerprint'
export { localizedValues } from './utilities/localizedValues'
export { countWords } from './utilities/wordCount'
export { isRichText } from '../shared/utilities/richText'
export { recordSource } from './utilities/sourceRecord'
export type { StoredTask } from './utilities/storedTask'
export { submitFindings } from './operations/submitChecks'

const notificationsOffField: Field = {
  name: NOTIFICATIONS_OFF_FIELD,
  type: 'select',
  admin: { description: 'Translation e-mails you do not want to receive.' },
  hasMany: true,
  label: 'Translation notifications switched off',
  options: NOTIFICATION_KINDS.map((kind) => ({ label: NOTIFICATION_LABELS[kind], value: kind })),
}

/**
 * Translation as tracked work: one task per document × target locale, created with the document
 * and removed with it; outdated field by field when the source changes (in the jobs queue);
 * translators write only their locales through their tasks; review approves and publishes one
 * locale. See docs/architecture.md, "Translation workflow".
 */
export const translationWorkflow =
  (incoming: TranslationWorkflowOptions) =>
  (config: Config): Config => {
    const options = resolveTranslationWorkflowOptions(incoming, config)
    const existing = config.collections ?? []
    const fieldsOf: Record<string, Field[]> = {}
    for (const slug of options.collections) {
      const collection = existing.find((candidate) => candidate.slug === slug)
      if (!collection) {
        throw new Error(`translationWorkflow: collection "${slug}" is not in the config.`)
      }
      if (!hasLocalizedFields(collection.fields)) {
        throw new Error(`translationWorkflow: collection "${slug}" has no localized field to translate.`)
      }
      fieldsOf[slug] = collection.fields
    }
    const tasks = generateTranslationTasksCollection(options, fieldsOf)
    const withUserSettings = (collection: CollectionConfig): CollectionConfig =>
      collection.slug === options.usersCollection ? { ...collection, fields: [...collection.fields, notificationsOffField] } : collection
    // Registered whether enabled or not, so the schema does not change with the switch. The outdated
    // check's concurrency rules need Payload's concurrency control (a key field on the jobs).
    const jobs = {
      ...config.jobs,
      enableConcurrencyControl: true,
      tasks: [...(config.jobs?.tasks ?? []), checkOutdatedTask(options, fieldsOf), backfillTask(options, fieldsOf)],
    }
    // Published whether enabled or not: plugins registered after this one read what it translates
    // and append their checks, guards and view slots to its lists.
    const custom = { ...config.custom, translationWorkflow: translationWorkflowContract(options) satisfies TranslationWorkflowContract }
    if (!options.enabled) {
      return { ...config, collections: [...existing.map(withUserSettings), tasks], custom, jobs }
    }
    const statusPanel: Field = {
      name: 'translationStatusPanel',
      type: 'ui',
      admin: {
        components: { Field: { clientProps: { tasksSlug: options.slugs.tasks }, path: COMPONENTS.statusPanel } },
        position: 'sidebar',
      },
    }
    const translated = (collection: CollectionConfig, slug: CollectionSlug): CollectionConfig => ({
      ...collection,
      access: {
        ...collection.access,
        update: translatorWriteAccess(options, slug, collection.fields, collection.access?.update),
      },
      fields: [...collection.fields, statusPanel],
      hooks: {
        ...collection.hooks,
        afterChange: [
          ...(collection.hooks?.afterChange ?? []),
          createTranslationTasksAfterChange(options, slug, collection.fields),
          queueOutdatedCheckAfterChange(options, slug, collection.fields),
        ],
        afterDelete: [...(collection.hooks?.afterDelete ?? []), deleteTranslationTasksAfterDelete(options, slug)],
        beforeChange: [
          ...(collection.hooks?.beforeChange ?? []),
          ...(options.publishLocalesSeparately ? [keepPublicationStatusBeforeChange] : []),
        ],
        beforeOperation: [
          ...(collection.hooks?.beforeOperation ?? []),
          refuseRestoreWithoutUpdateRightBeforeOperation(collection.access?.update),
          separateLocalePublishingBeforeOperation(options, slug, collection.fields),
        ],
      },
    })
    const viewProps = {
      collections: options.collections,
      sourceLocale: options.sourceLocale,
      targetLocales: options.targetLocales,
      tasksSlug: options.slugs.tasks,
    }
    return {
      ...config,
      admin: withAdminComponents(config.admin, {
        afterNavLinks: [COMPONENTS.queueNavLink],
        beforeDashboard: [COMPONENTS.progressChart],
        views: {
          translate: { Component: { path: COMPONENTS.translateView, serverProps: viewProps }, path: '/translate/:taskId' },
          translations: { Component: { path: COMPONENTS.queueView, serverProps: viewProps }, path: '/translations' },
        },
      }),
      collections: [
        ...existing.map((collection) => {
          const slug = translatedCollection(options, collection.slug)
          return slug ? translated(collection, slug) : withUserSettings(collection)
        }),
        tasks,
      ],
      custom,
      endpoints: [...(config.endpoints ?? []), progressEndpoint(options)],
      graphQL: {
        ...config.graphQL,
        mutations: (graphQL, info) => ({
          ...config.graphQL?.mutations?.(graphQL, info),
          ...transitionMutations(options, fieldsOf)(graphQL, info),
        }),
      },
      jobs,
      onInit: async (payload) => {
        await config.onInit?.(payload)
        // Payload adds its locks collection while sanitising the config, after plugins ran: its
        // rules can only be wrapped here.
        guardDocumentLocks(payload, options)
        if (await queueBackfillWhenTasksAreMissing(options, payload)) {
          payload.logger.info('translation workflow: some documents have no tasks; their creation is queued')
        }
      },
    }
  }
