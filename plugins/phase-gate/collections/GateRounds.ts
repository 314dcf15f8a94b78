import type { CollectionConfig } from 'payload'

import type { ResolvedPhaseGateOptions } from '../defaults'

import { readRoundComments } from '../access/gateSecrecy'
import { DECIDED_BECAUSE, GATE_OUTCOMES, ROUND_STATUSES } from '../constants'
import { announceRoundAfterChange } from '../hooks/announceRoundAfterChange'
import { applyDecisionAfterChange } from '../hooks/applyDecisionAfterChange'
import { keepUserWritableBeforeOperation } from '../hooks/keepUserWritableBeforeOperation'
import { openRoundBeforeChange } from '../hooks/openRoundBeforeChange'
import { recordOverrideBeforeChange } from '../hooks/recordOverrideBeforeChange'

const recorded = { readOnly: true }

/**
 * A review round of a gate. Created (opened) by staff with a gate and a due date; everything else is
 * recorded by the plugin. The only later change a person makes is an administrator's override.
 */
export const generateGateRoundsCollection = (options: ResolvedPhaseGateOptions): CollectionConfig => ({
  slug: options.slugs.rounds,
  access: {
    create: ({ req }) => options.isEditor(req.user) || options.isMember(req.user),
    delete: () => false,
    read: ({ req }) => options.isStaff(req.user),
    update: ({ req }) => options.isAdmin(req.user),
  },
  admin: { defaultColumns: ['gate', 'number', 'status', 'dueAt', 'outcome'], group: 'Steering group' },
  // A round is opened, never copied: a copy would carry another round's snapshot and outcome.
  disableDuplicate: true,
  fields: [
    { name: 'gate', type: 'relationship', index: true, relationTo: options.slugs.gates, required: true },
    { name: 'dueAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'phase', type: 'relationship', admin: recorded, index: true, relationTo: options.phases.slug },
    { name: 'number', type: 'number', admin: recorded },
    { name: 'status', type: 'select', admin: recorded, defaultValue: 'open', index: true, options: [...ROUND_STATUSES] },
    { name: 'openedBy', type: 'relationship', admin: recorded, relationTo: options.users.slug },
    { name: 'openedAt', type: 'date', admin: recorded },
    { name: 'members', type: 'json', admin: { ...recorded, description: 'The steering group (user ids) when the round opened.' } },
    {
      name: 'snapshot',
      type: 'json',
      admin: { ...recorded, description: 'What is under review: document ids, version ids, per-locale fingerprints.' },
    },
    {
      name: 'changesSincePreviousRound',
      type: 'json',
      admin: { ...recorded, description: 'Documents added, removed or changed (with the locales) since the previous round’s snapshot.' },
    },
    { name: 'outcome', type: 'select', admin: recorded, options: [...GATE_OUTCOMES] },
    { name: 'decisionReason', type: 'text', admin: recorded },
    { name: 'decidedBecause', type: 'select', admin: recorded, options: [...DECIDED_BECAUSE, 'override'] },
    { name: 'decidedAt', type: 'date', admin: recorded },
    { name: 'tally', type: 'json', admin: recorded },
    {
      name: 'decisionLeaseUntil',
      type: 'date',
      admin: { ...recorded, description: 'While the round is deciding: until when one process carries the decision out.' },
    },
    {
      name: 'comments',
      type: 'json',
      access: { read: readRoundComments(options) },
      admin: { ...recorded, description: 'The members’ comments, collected when the round was decided.' },
    },
    {
      name: 'override',
      type: 'group',
      admin: { description: 'Administrators only: record a decision of your own, with a written reason. It is logged as an override.' },
      fields: [
        { name: 'outcome', type: 'select', options: [...GATE_OUTCOMES] },
        { name: 'reason', type: 'textarea' },
        { name: 'by', type: 'relationship', admin: recorded, relationTo: options.users.slug },
        { name: 'at', type: 'date', admin: recorded },
      ],
    },
  ],
  hooks: {
    afterChange: [announceRoundAfterChange(options), applyDecisionAfterChange(options)],
    beforeChange: [openRoundBeforeChange(options), recordOverrideBeforeChange(options)],
    beforeOperation: [keepUserWritableBeforeOperation({ create: ['gate', 'dueAt'], update: ['override'] })],
  },
})
