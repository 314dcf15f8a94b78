import type { CollectionAfterChangeHook, CollectionConfig, Config } from 'payload'

import { translationWorkflow } from './index'

const userHook: CollectionAfterChangeHook = ({ doc }) => doc

const baseConfig = (): Config =>
  ({
    collections: [
      { slug: 'pages', fields: [{ name: 'title', type: 'text', localized: true }], hooks: { afterChange: [userHook] } },
      { slug: 'plain', fields: [{ name: 'code', type: 'text' }] },
      { slug: 'users', auth: true, fields: [] },
    ],
    localization: { defaultLocale: 'en', locales: ['en', 'nl', 'sv'] },
  }) as Config

// The roles a project would pass; the transform only stores them.
const roles = { access: { isEditor: () => false, isTranslatorFor: () => false } }

const collectionOf = (config: Config, slug: string): CollectionConfig | undefined =>
  config.collections?.find((collection) => collection.slug === slug)

describe('translationWorkflow as a config transform', () => {
  test('adds the tasks collection with target locales from the config', () => {
    const config = translationWorkflow({ ...roles, collections: ['pages'] })(baseConfig())
    const tasks = collectionOf(config, 'translation-tasks')
    const locale = tasks?.fields.find((field) => 'name' in field && field.name === 'locale')
    expect(locale && 'options' in locale ? locale.options : undefined).toEqual(['nl', 'sv'])
  })

  test('appends its hooks after the user’s, only on the listed collections', () => {
    const config = translationWorkflow({ ...roles, collections: ['pages'] })(baseConfig())
    const pages = collectionOf(config, 'pages')
    expect(pages?.hooks?.afterChange?.[0]).toBe(userHook)
    expect(pages?.hooks?.afterChange).toHaveLength(3)
    expect(pages?.hooks?.afterDelete).toHaveLength(1)
    // Locale publishing, and the refusal of restores by anyone the collection itself does not let update.
    expect(pages?.hooks?.beforeOperation).toHaveLength(2)
    expect(collectionOf(config, 'plain')?.hooks).toBeUndefined()
  })

  test('wraps the update rule of translated collections only', () => {
    const config = translationWorkflow({ ...roles, collections: ['pages'] })(baseConfig())
    expect(collectionOf(config, 'pages')?.access?.update).toEqual(expect.any(Function))
    expect(collectionOf(config, 'plain')?.access).toBeUndefined()
  })

  test('registers its job, progress endpoint, notification setting and contract for other plugins', () => {
    const config = translationWorkflow({ ...roles, collections: ['pages'] })(baseConfig())
    expect(config.jobs?.tasks?.map(({ slug }) => slug)).toEqual(['translationWorkflowCheckOutdated', 'translationWorkflowBackfill'])
    // The outdated check is keyed by document, which needs Payload's concurrency control on.
    expect(config.jobs?.enableConcurrencyControl).toBe(true)
    const checkKey = config.jobs?.tasks?.[0]?.concurrency
    expect(typeof checkKey === 'object' && checkKey.key({ input: { collection: 'pages', documentId: '7' }, queue: 'default' })).toBe(
      'translationWorkflowCheckOutdated:pages:7',
    )
    expect(config.endpoints?.map(({ path }) => path)).toEqual(['/translation-progress'])
    expect(collectionOf(config, 'users')?.fields.map((field) => ('name' in field ? field.name : ''))).toEqual([
      'translationNotificationsOff',
    ])
    expect(config.custom?.translationWorkflow).toMatchObject({ sourceLocale: 'en', targetLocales: ['nl', 'sv'] })
    expect(config.custom?.translationWorkflow.isOutdated).toEqual(expect.any(Function))
    expect(config.custom?.translationWorkflow.approvedLocales).toEqual(expect.any(Function))
  })

  test('disabled: keeps the tasks collection, adds no hooks', () => {
    const config = translationWorkflow({ ...roles, collections: ['pages'], enabled: false })(baseConfig())
    expect(collectionOf(config, 'translation-tasks')).toBeDefined()
    expect(collectionOf(config, 'pages')?.hooks?.afterChange).toEqual([userHook])
    expect(config.jobs?.tasks).toHaveLength(2)
  })

  test('accepts a slug and overrides for the tasks collection, keeping its own hooks and rules', () => {
    const projectHook: CollectionAfterChangeHook = ({ doc }) => doc
    const config = translationWorkflow({
      ...roles,
      collections: ['pages'],
      overrides: {
        tasks: {
          admin: { group: 'Work' },
          fields: ({ defaultFields }) => [...defaultFields, { name: 'note', type: 'text' }],
          hooks: { afterChange: [projectHook] },
        },
      },
      slugs: { tasks: 'jobs-to-translate' },
    })(baseConfig())
    const tasks = collectionOf(config, 'jobs-to-translate')
    expect(tasks?.fields.some((field) => 'name' in field && field.name === 'note')).toBe(true)
    expect(tasks?.fields.some((field) => 'name' in field && field.name === 'status')).toBe(true)
    expect(tasks?.admin).toMatchObject({ defaultColumns: expect.any(Array), group: 'Work' })
    expect(tasks?.hooks?.afterChange).toHaveLength(2)
    expect(tasks?.hooks?.afterChange?.[1]).toBe(projectHook)
    expect(tasks?.access?.create).toEqual(expect.any(Function))
    expect(collectionOf(config, 'translation-tasks')).toBeUndefined()
    expect(config.custom?.translationWorkflow.tasksSlug).toBe('jobs-to-translate')
  })

  test('points the tasks at the admin user collection, else the first auth collection', () => {
    const withMembers = (admin: Config['admin']): Config => ({
      ...baseConfig(),
      admin,
      collections: [...(baseConfig().collections ?? []), { slug: 'members', auth: true, fields: [] }],
    })
    const assigneeOf = (config: Config) =>
      collectionOf(config, 'translation-tasks')?.fields.find((field) => 'name' in field && field.name === 'assignee')
    const viaAdmin = translationWorkflow({ ...roles, collections: ['pages'] })(withMembers({ user: 'members' }))
    expect(assigneeOf(viaAdmin)).toMatchObject({ relationTo: 'members' })
    expect(collectionOf(viaAdmin, 'members')?.fields).toHaveLength(1)
    expect(collectionOf(viaAdmin, 'users')?.fields).toHaveLength(0)
    const firstAuth = translationWorkflow({ ...roles, collections: ['pages'] })(withMembers(undefined))
    expect(assigneeOf(firstAuth)).toMatchObject({ relationTo: 'users' })
  })

  test.each([
    ['an unknown collection', { collections: ['nope'] }, 'collection "nope" is not in the config'],
    ['a collection without localized fields', { collections: ['plain'] }, 'collection "plain" has no localized field'],
    ['an unknown source locale', { collections: ['pages'], sourceLocale: 'xx' }, 'sourceLocale "xx"'],
    ['the source as a target', { collections: ['pages'], targetLocales: ['en'] }, 'target locale "en"'],
    ['a users collection without auth', { collections: ['pages'], usersCollection: 'plain' }, 'usersCollection "plain" is not an auth collection'],
  ])('refuses %s at start', (_name, options, message) => {
    expect(() => translationWorkflow({ ...roles, ...options })(baseConfig())).toThrow(message)
  })

  test('refuses a config without an auth collection for its translators', () => {
    const noAuth = { ...baseConfig(), collections: baseConfig().collections?.filter(({ slug }) => slug !== 'users') }
    expect(() => translationWorkflow({ ...roles, collections: ['pages'] })(noAuth)).toThrow('no auth collection')
  })

  test('refuses a config without localization', () => {
    expect(() => translationWorkflow({ ...roles, collections: ['pages'] })({ ...baseConfig(), localization: false })).toThrow('no localization')
  })
})
