import type { Config, Field } from 'payload'

import { fakeMachineTranslation } from '../../../test/plugins/translation-interchange/fakeMachineTranslation'
import { resolveTranslationInterchangeOptions } from '../defaults'
import { MachineTranslationError } from './machineTranslation'
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

const context = { document: { id: 1 }, glossary: [] }

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
    expect(options.machineTranslation.providerFor('nl')).toBeUndefined()
    expect(await machineSuggestions(options, { slug: 'cases' }, fields, units, 'nl', context)).toEqual(new Map())
  })

  test('never-send fields (flagged in custom, in a flagged group, or listed in the options) never reach the provider', async () => {
    const provider = fakeMachineTranslation()
    const options = resolveTranslationInterchangeOptions(
      { ...roles, machineTranslation: { neverSend: { fields: { cases: ['contacts.note'] } }, provider } },
      config,
    )
    const suggestions = await machineSuggestions(options, { slug: 'cases' }, fields, units, 'nl', context)
    expect(provider.calls).toEqual([{ from: 'en', segments: ['Help is free', 'Night line'], to: 'nl' }])
    expect(Object.fromEntries(suggestions)).toEqual({
      'contacts.65a1.label': { suggestion: { needsReview: true, provider: 'fake', text: '[nl] Night line' } },
      title: { suggestion: { needsReview: true, provider: 'fake', text: '[nl] Help is free' } },
    })
  })

  test('a never-send collection sends nothing', async () => {
    const provider = fakeMachineTranslation()
    const byOption = resolveTranslationInterchangeOptions(
      { ...roles, machineTranslation: { neverSend: { collections: ['cases'] }, provider } },
      config,
    )
    const byCustom = resolveTranslationInterchangeOptions({ ...roles, machineTranslation: { provider } }, config)
    expect(await machineSuggestions(byOption, { slug: 'cases' }, fields, units, 'nl', context)).toEqual(new Map())
    expect(
      await machineSuggestions(byCustom, { slug: 'cases', custom: { neverSendToMachineTranslation: true } }, fields, units, 'nl', context),
    ).toEqual(new Map())
    expect(provider.calls).toEqual([])
  })

  test('a never-send document sends nothing; another document of its collection does', async () => {
    const provider = fakeMachineTranslation()
    const options = resolveTranslationInterchangeOptions(
      { ...roles, machineTranslation: { neverSend: { documents: (collection, doc) => collection === 'cases' && doc.visibility !== 'public' }, provider } },
      config,
    )
    expect(await machineSuggestions(options, { slug: 'cases' }, fields, units, 'nl', { document: { visibility: 'internal' }, glossary: [] })).toEqual(new Map())
    expect(provider.calls).toEqual([])
    const sent = await machineSuggestions(options, { slug: 'cases' }, fields, units, 'nl', { document: { visibility: 'public' }, glossary: [] })
    expect([...sent.keys()]).toEqual(['title', 'contacts.65a1.label', 'contacts.65a1.note'])
  })

  test('a provider per locale: null switches a locale off, a locale not named falls back to the default one', async () => {
    const dutch = fakeMachineTranslation()
    const fallback = fakeMachineTranslation()
    const options = resolveTranslationInterchangeOptions(
      { ...roles, machineTranslation: { provider: fallback, providers: { nl: dutch, sv: null } } },
      { ...config, custom: { translationWorkflow: { collections: ['cases'], sourceLocale: 'en', targetLocales: ['nl', 'sv', 'de'], tasksSlug: 't' } } } as Config,
    )
    expect(options.machineTranslation.providerFor('nl')).toBe(dutch)
    expect(options.machineTranslation.providerFor('sv')).toBeUndefined()
    expect(options.machineTranslation.providerFor('de')).toBe(fallback)
  })

  test('a collection not switched on sends nothing, and an unknown one is refused at start', async () => {
    const provider = fakeMachineTranslation()
    const twoCollections = {
      ...config,
      custom: { translationWorkflow: { collections: ['cases', 'notes'], sourceLocale: 'en', targetLocales: ['nl'], tasksSlug: 't' } },
    } as Config
    const options = resolveTranslationInterchangeOptions({ ...roles, machineTranslation: { collections: ['notes'], provider } }, twoCollections)
    expect(await machineSuggestions(options, { slug: 'cases' }, fields, units, 'nl', context)).toEqual(new Map())
    expect(provider.calls).toEqual([])
    expect(() => resolveTranslationInterchangeOptions({ ...roles, machineTranslation: { collections: ['users'], provider } }, twoCollections)).toThrow(
      /does not translate: users/,
    )
  })

  test.each([
    ['an error of its own', async () => Promise.reject(new MachineTranslationError('stub', 'quota exceeded (HTTP 456)')), 'quota exceeded (HTTP 456)'],
    ['any other error', async () => Promise.reject(new Error('socket hang up: Help is free')), 'failed'],
    ['too few translations', async () => ['one'], 'bad answer: 1 translation(s) for 2 segment(s)'],
    ['no answer in time', () => new Promise<string[]>(() => undefined), 'timed out after 50 ms'],
  ])('a provider failing with %s gives every unit sent the reason, never the text', async (_, translate, reason) => {
    const options = resolveTranslationInterchangeOptions(
      { ...roles, machineTranslation: { provider: { name: 'stub', translate }, timeoutMs: 50 } },
      config,
    )
    const outcomes = await machineSuggestions(options, { slug: 'cases' }, fields, units.slice(0, 3), 'nl', context)
    expect(Object.fromEntries(outcomes)).toEqual({
      'contacts.65a1.label': { problem: { provider: 'stub', reason } },
      title: { problem: { provider: 'stub', reason } },
    })
  })

  test('maySendToMachineTranslation reads flags along the path, and a listed container covers its fields', () => {
    const options = resolveTranslationInterchangeOptions(roles, config)
    expect(maySendToMachineTranslation(options, { slug: 'cases' }, fields, 'title')).toBe(true)
    expect(maySendToMachineTranslation(options, { slug: 'cases' }, fields, 'safeHouse.directions')).toBe(false)
    const listed = resolveTranslationInterchangeOptions({ ...roles, machineTranslation: { neverSend: { fields: { cases: ['contacts'] } } } }, config)
    expect(maySendToMachineTranslation(listed, { slug: 'cases' }, fields, 'contacts.65a1.label')).toBe(false)
    expect(maySendToMachineTranslation(listed, { slug: 'cases' }, fields, 'title')).toBe(true)
  })
})
