import type { CollectionAfterChangeHook, CollectionConfig, FieldHook } from 'payload'

import type { ResolvedPhaseGateOptions } from '../defaults'
import type { GateDoc } from '../operations/gates'

import { GATE_DECISIONS } from '../constants'
import { keepUserWritableBeforeOperation } from '../hooks/keepUserWritableBeforeOperation'
import { evaluateCriteria } from '../operations/criteria'
import { forgetGateStandings } from '../operations/gates'

const criteriaAfterRead =
  (options: ResolvedPhaseGateOptions): FieldHook =>
  async ({ data, req }) =>
    data?.id ? evaluateCriteria(req, options, data as GateDoc) : []

const forgetStandingsAfterChange: CollectionAfterChangeHook = ({ doc, req }) => {
  forgetGateStandings(req)
  return doc
}

const validLink = (value: null | string | undefined) => !value || /^https?:\/\/\S+$/i.test(value) || 'Give a full http(s) link.'

/**
 * One gate per phase: the checklist editors tick with evidence, and the standing decision the
 * plugin records from the gate's rounds. `criteria` (computed on read) says which criteria hold.
 */
export const generateGatesCollection = (options: ResolvedPhaseGateOptions): CollectionConfig => ({
  slug: options.slugs.gates,
  access: {
    create: ({ req }) => options.isEditor(req.user),
    delete: () => false,
    read: ({ req }) => options.isStaff(req.user),
    update: ({ req }) => options.isEditor(req.user),
  },
  admin: { defaultColumns: ['phase', 'decision', 'decidedAt'], group: 'Steering group', useAsTitle: 'id' },
  // One gate per phase, created with it.
  disableDuplicate: true,
  fields: [
    { name: 'phase', type: 'relationship', index: true, relationTo: options.phases.slug, required: true, unique: true },
    {
      name: 'checklist',
      type: 'array',
      admin: { description: 'Custom criteria: each must be ticked with evidence (a text plus a link or a file).' },
      fields: [
        { name: 'item', type: 'text', required: true },
        { name: 'done', type: 'checkbox', defaultValue: false },
        { name: 'evidenceText', type: 'textarea' },
        { name: 'evidenceLink', type: 'text', validate: validLink },
        ...(options.evidenceUploads
          ? [{ name: 'evidenceFile', type: 'upload' as const, relationTo: options.evidenceUploads }]
          : []),
      ],
    },
    {
      name: 'criteria',
      type: 'json',
      admin: { hidden: true },
      hooks: { afterRead: [criteriaAfterRead(options)] },
      virtual: true,
    },
    {
      name: 'decision',
      type: 'select',
      admin: { position: 'sidebar', readOnly: true },
      defaultValue: 'none',
      index: true,
      options: [...GATE_DECISIONS],
    },
    { name: 'decidedAt', type: 'date', admin: { position: 'sidebar', readOnly: true } },
    {
      name: 'decidedRound',
      type: 'relationship',
      admin: { position: 'sidebar', readOnly: true },
      relationTo: options.slugs.rounds,
    },
  ],
  hooks: {
    afterChange: [forgetStandingsAfterChange],
    beforeOperation: [keepUserWritableBeforeOperation({ create: ['phase', 'checklist'], update: ['checklist'] })],
  },
})
