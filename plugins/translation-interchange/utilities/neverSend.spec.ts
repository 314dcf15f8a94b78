import type { Config, Field } from 'payload'

import { fakeMachineTranslation } from '../../../test/plugins/translation-interchange/fakeMachineTranslation'
import { resolveTranslationInterchangeOptions } from '../defaults'
import { machineSuggestions, maySendToMachineTranslation } from './neverSend'

const fields: Field[] = [
  { name: 'title', type: 'text', localized: true },
  { name: 'victimStory', type: 'textarea', custom: { neverSendToMachineTranslation: true }, localized: true },
  {
    name: 'contacts',
    type: 'array',
    fields: [
      { name: 'label', type: 'text', localized: true },
      { name: 'note', type: 'text', localized: true },
    ],
  },
  {
    name: 'safeHouse',
    type: 'group',
    custom: { neverSendToMachineTranslation: true },
    fields: [{ name: 'directions', type: 'text', localized: true }],
  },
]

const config = {
  collections: [],
  custom: { translationWorkflow: { collections: ['cases'], sourceLocale: 'en', targetLocales: ['nl'], tasksSlug: 'translation-tasks' } },
  localization: { defaultLocale: 'en', locales: ['en', 'nl'] },
} as unknown as Config

const roles = { access: { isEditor: () => false, isTranslatorFor: () => false } }

const units = [
  { id: 'title', source: 'Help is free' },
  { id: 'victimStory', source: 'Her story, in her words' },
  { id: 'contacts.65a1.label', source: 'Night line' },
  { id: 'contacts.65a1.note', source: 'Ask for Marie' },
  { id: 'safeHouse.directions', source: 'Behind the church' },
]

describe('machine translation', () => {
  test('none by default: nothing is sent anywhere', async () => {
    const options = resolveTranslationInterchangeOptions(roles, config)
    expect(options.machineTranslation.provider).toBeUndefined()
    expect(await machineSuggestions(options, { slug: 'cases' }, fields, units, 'nl')).toEqual(new Map())
  })

  test('never-send fields (flagged in custom, in a flagged group, or listed in the options) never reach the provider', async () => {
    const provider = fakeMachineTranslation()
    const options = resolveTranslationInterchangeOptions(
      { ...roles, machineTranslation: { neverSend: { fields: { cases: ['contacts.note'] } }, provider } },
      config,
    )
    const suggestions = await machineSuggestions(options, { slug: 'cases' }, fields, units, 'nl')
    expect(provider.calls).toEqual([{ from: 'en', segments: ['Help is free', 'Night line'], to: 'nl' }])
    expect(Object.fromEntries(suggestions)).toEqual({
      'contacts.65a1.label': { needsReview: true, provider: 'fake', text: '[nl] Night line' },
      title: { needsReview: true, provider: 'fake', text: '[nl] Help is free' },
    })
  })

  test('a never-send collection sends nothing', async () => {
    const provider = fakeMachineTranslation()
    const byOption = resolveTranslationInterchangeOptions(
      { ...roles, machineTranslation: { neverSend: { collections: ['cases'] }, provider } },
      config,
    )
    const byCustom = resolveTranslationInterchangeOptions({ ...roles, machineTranslation: { provider } }, config)
    expect(await machineSuggestions(byOption, { slug: 'cases' }, fields, units, 'nl')).toEqual(new Map())
    expect(
      await machineSuggestions(byCustom, { slug: 'cases', custom: { neverSendToMachineTranslation: true } }, fields, units, 'nl'),
    ).toEqual(new Map())
    expect(provider.calls).toEqual([])
  })

  test('maySendToMachineTranslation reads flags along the path', () => {
    const options = resolveTranslationInterchangeOptions(roles, config)
    expect(maySendToMachineTranslation(options, { slug: 'cases' }, fields, 'title')).toBe(true)
    expect(maySendToMachineTranslation(options, { slug: 'cases' }, fields, 'safeHouse.directions')).toBe(false)
  })
})
