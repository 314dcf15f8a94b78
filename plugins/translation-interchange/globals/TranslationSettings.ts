import type { Access, Field, GlobalConfig } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'

import { leverageRatesField } from '../operations/leverage'
import { QA_CHECK_NAMES, QA_CHECKS } from '../utilities/qa'

const SEVERITY_OPTIONS = [
  { label: 'Error: refuses the submit and the import', value: 'error' },
  { label: 'Warning: shown, never blocks', value: 'warning' },
  { label: 'Off: not checked', value: 'off' },
]

/** One select per QA check, starting from the severity the plugin's options give it. */
export const qaSeveritiesField = (options: ResolvedTranslationInterchangeOptions): Field => ({
  name: 'qa',
  type: 'group',
  admin: {
    description:
      'How serious each check of a translation is. Applies from the next submit, import or QA report; every translator and file is judged by the same settings.',
  },
  fields: QA_CHECK_NAMES.map(
    (check): Field => ({
      name: check,
      type: 'select',
      admin: { description: QA_CHECKS[check].description },
      defaultValue: options.qa.severities[check],
      label: QA_CHECKS[check].label,
      options: SEVERITY_OPTIONS,
      required: true,
    }),
  ),
  label: 'Quality checks',
})

const staffRead =
  (options: ResolvedTranslationInterchangeOptions): Access =>
  ({ req: { user } }) =>
    options.access.isStaff(user)

const editorUpdate =
  (options: ResolvedTranslationInterchangeOptions): Access =>
  ({ req: { user } }) =>
    options.access.isEditor(user)

/**
 * Settings of the translation work that editors change at runtime, without a deploy: a group per
 * concern, each from its own field builder. Staff read them (what the translate view applies is no
 * secret to them); nobody outside reads them, since no public site needs them.
 */
export const generateTranslationSettingsGlobal = (options: ResolvedTranslationInterchangeOptions): GlobalConfig => ({
  slug: options.slugs.settings,
  access: { read: staffRead(options), update: editorUpdate(options) },
  admin: { group: 'Translation' },
  fields: [qaSeveritiesField(options), leverageRatesField(options)],
  label: 'Translation settings',
})
