import type { CollectionConfig, Field } from 'payload'

import type { ResolvedTranslationWorkflowOptions } from '../../types'

import { createTasksAccess, manageTasksAccess, readTasksAccess } from '../../access/taskAccess'
import { TASK_PRIORITIES, TASK_STATUSES } from '../../constants'
import { queueEndpoint } from '../../endpoints/queue'
import { taskEndpoints } from '../../endpoints/transitions'
import { refuseChangeOutsideWorkflowBeforeValidate } from '../../fields/lockedToWorkflow'
import { notifyAssigneeAfterChange } from '../../hooks/notifyAssigneeAfterChange'
import { rankPriorityBeforeChange } from '../../hooks/rankPriorityBeforeChange'

const lockedToWorkflow = { hooks: { beforeValidate: [refuseChangeOutsideWorkflowBeforeValidate] } }

/**
 * One task per translated document × target locale. It carries the state of that translation
 * and the fingerprints (and text) of the source fields it was made from (see utilities/fingerprint.ts).
 */
export const generateTranslationTasksCollection = (
  options: ResolvedTranslationWorkflowOptions,
  fieldsOf: Record<string, Field[]>,
): CollectionConfig => {
  const users = options.usersCollection
  const defaultFields: Field[] = [
    { name: 'targetCollection', type: 'select', index: true, options: options.collections, required: true, ...lockedToWorkflow },
    // Text whatever the database: ids are numbers on SQLite and strings on MongoDB.
    { name: 'documentId', type: 'text', index: true, required: true, ...lockedToWorkflow },
    { name: 'locale', type: 'select', index: true, options: options.targetLocales, required: true, ...lockedToWorkflow },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'untranslated',
      index: true,
      options: [...TASK_STATUSES],
      required: true,
      ...lockedToWorkflow,
    },
    { name: 'priority', type: 'select', defaultValue: 'normal', options: [...TASK_PRIORITIES], required: true },
    // Sortable form of `priority`, so queues sort in the database: urgent (3) first.
    { name: 'priorityRank', type: 'number', admin: { hidden: true }, defaultValue: 1, index: true },
    { name: 'dueDate', type: 'date', index: true },
    { name: 'assignee', type: 'relationship', index: true, relationTo: users },
    { name: 'reviewer', type: 'relationship', relationTo: users },
    {
      name: 'translatedBy',
      type: 'relationship',
      admin: { description: 'Who submitted the translation for review; they cannot review it themselves.', readOnly: true },
      relationTo: users,
      ...lockedToWorkflow,
    },
    { name: 'sourceWordCount', type: 'number', defaultValue: 0, min: 0, ...lockedToWorkflow },
    {
      name: 'sourceFingerprints',
      type: 'json',
      admin: { description: 'Fingerprint of each localized source field the translation was made from, by field path.', readOnly: true },
      ...lockedToWorkflow,
    },
    {
      name: 'sourceValues',
      type: 'json',
      admin: { description: 'The source text the translation was made from, for the before/after of a later change.', hidden: true },
      ...lockedToWorkflow,
    },
    {
      name: 'changedFields',
      type: 'json',
      admin: { description: 'Source fields changed since the translation, with a before/after diff.', readOnly: true },
      ...lockedToWorkflow,
    },
    {
      name: 'reviewComments',
      type: 'array',
      admin: { readOnly: true },
      fields: [
        { name: 'author', type: 'relationship', relationTo: users },
        { name: 'comment', type: 'textarea', required: true },
        { name: 'at', type: 'date' },
      ],
      ...lockedToWorkflow,
    },
    { name: 'submittedAt', type: 'date', admin: { readOnly: true }, ...lockedToWorkflow },
    { name: 'approvedAt', type: 'date', admin: { readOnly: true }, ...lockedToWorkflow },
    { name: 'publishedAt', type: 'date', admin: { readOnly: true }, ...lockedToWorkflow },
    {
      name: 'publishBlockedReason',
      type: 'text',
      admin: { description: 'Why an approved translation is not published yet (the phase gate decides).', readOnly: true },
      ...lockedToWorkflow,
    },
  ]
  const { access, admin, endpoints, fields, hooks, ...overrides } = options.overrides.tasks ?? {}
  // As Payload's own plugins merge their collections' overrides: access and admin key by key; the
  // workflow's hooks and endpoints stay and the project's run after them, since the workflow's
  // records (status, rank, notifications) depend on them.
  return {
    ...overrides,
    slug: options.slugs.tasks,
    access: {
      create: createTasksAccess,
      delete: manageTasksAccess(options),
      read: readTasksAccess(options),
      update: manageTasksAccess(options),
      ...access,
    },
    admin: {
      defaultColumns: ['targetCollection', 'documentId', 'locale', 'status', 'assignee', 'dueDate', 'priority'],
      group: 'Translation',
      ...admin,
    },
    // Tasks are made by the workflow, one per document and locale.
    disableDuplicate: true,
    endpoints: [queueEndpoint(options), ...taskEndpoints(options, fieldsOf), ...(Array.isArray(endpoints) ? endpoints : [])],
    fields: fields ? fields({ defaultFields }) : defaultFields,
    hooks: {
      ...hooks,
      afterChange: [notifyAssigneeAfterChange(options), ...(hooks?.afterChange ?? [])],
      beforeChange: [rankPriorityBeforeChange, ...(hooks?.beforeChange ?? [])],
    },
    indexes: [
      { fields: ['targetCollection', 'documentId', 'locale'], unique: true },
      // The queue lists a locale's open (or my) tasks by priority and counts them per status on
      // every load: without these the database reads and sorts every task of the locale.
      { fields: ['locale', 'assignee', 'priorityRank'] },
      { fields: ['locale', 'status', 'assignee'] },
      ...(overrides.indexes ?? []),
    ],
    timestamps: true,
  }
}
