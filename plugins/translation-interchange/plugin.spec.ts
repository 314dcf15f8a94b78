import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionConfig, Config } from 'payload'

import { translationInterchange } from './index'
import { QA_CHECKS } from './utilities/qa'

const userHook: CollectionAfterChangeHook = ({ doc }) => doc

const baseConfig = (): Config =>
  ({
    collections: [
      { slug: 'pages', fields: [{ name: 'title', type: 'text', localized: true }] },
      { slug: 'translation-tasks', fields: [], hooks: { afterChange: [userHook] } },
      { slug: 'users', auth: true, fields: [] },
    ],
    custom: { translationWorkflow: workflowContract() },
    endpoints: [{ handler: () => Response.json({}), method: 'get', path: '/mine' }],
    localization: { defaultLocale: 'en', locales: ['en', 'nl', 'sv'] },
  }) as unknown as Config

/** What translationWorkflow publishes for these collections (registered before the interchange). */
function workflowContract(changes: Record<string, unknown> = {}) {
  return {
    collections: ['pages'],
    publishGuards: [],
    sourceLocale: 'en',
    submitChecks: [] as unknown[],
    targetLocales: ['nl', 'sv'],
    tasksSlug: 'translation-tasks',
    translateViewSlots: {},
    ...changes,
  }
}

const roles = { access: { isEditor: () => false, isTranslatorFor: () => false } }

const collectionOf = (config: Config, slug: string): CollectionConfig | undefined =>
  config.collections?.find((collection) => collection.slug === slug)

describe('translationInterchange as a config transform', () => {
  test('adds the glossary and memory collections with the target locales', () => {
    const config = translationInterchange(roles)(baseConfig())
    const glossary = collectionOf(config, 'glossary-terms')
    const locale = glossary?.fields.find((field) => 'name' in field && field.name === 'locale')
    expect(locale && 'options' in locale ? locale.options : undefined).toEqual(['nl', 'sv'])
    expect(collectionOf(config, 'translation-memory')).toBeDefined()
  })

  test('keeps the user’s endpoints and task hooks, adding its own after them', () => {
    const config = translationInterchange(roles)(baseConfig())
    expect(config.endpoints?.map(({ method, path }) => `${method} ${path}`)).toEqual([
      'get /mine',
      'get /translation-interchange/export',
      'post /translation-interchange/import',
      'get /translation-interchange/leverage',
      'post /translation-interchange/pre-translate',
      'get /translation-interchange/suggestions',
      'get /translation-interchange/qa',
      'get /translation-interchange/memory.tmx',
      'post /translation-interchange/memory.tmx',
    ])
    const hooks = collectionOf(config, 'translation-tasks')?.hooks?.afterChange
    expect(hooks?.[0]).toBe(userHook)
    expect(hooks).toHaveLength(2)
  })

  test('joins the workflow’s submit checks after those registered before and takes the translate view’s editor slot, keeping the rest of its contract', () => {
    const earlier = async () => []
    const config = translationInterchange(roles)({
      ...baseConfig(),
      custom: { translationWorkflow: workflowContract({ submitChecks: [earlier] }) },
    })
    expect(config.custom?.translationWorkflow).toEqual(
      workflowContract({
        submitChecks: [earlier, expect.any(Function)],
        translateViewSlots: { editor: '/plugins/translation-interchange/components/TranslateAssist/index.client#AssistedTranslateEditor' },
      }),
    )
    expect(config.admin?.dependencies).toEqual({
      translationInterchangeTranslateEditor: {
        type: 'component',
        path: '/plugins/translation-interchange/components/TranslateAssist/index.client#AssistedTranslateEditor',
      },
    })
  })

  test('adds the XLIFF view and its navigation link beside the user’s', () => {
    const config = translationInterchange(roles)({
      ...baseConfig(),
      admin: { components: { afterNavLinks: ['/mine#Link'] } },
    })
    expect(config.admin?.components?.afterNavLinks).toEqual([
      '/mine#Link',
      '/plugins/translation-interchange/components/XliffView/NavLink#XliffNavLink',
    ])
    expect(config.admin?.components?.views?.xliff).toMatchObject({
      Component: { serverProps: { maxDocumentsPerExport: 1000, targetLocales: ['nl', 'sv'] } },
      path: '/xliff',
    })
  })

  test('names its collections by `slugs` and applies `overrides` in Payload’s plugin shape', () => {
    const projectMemoryHook: CollectionBeforeChangeHook = ({ data }) => data
    const config = translationInterchange({
      ...roles,
      overrides: {
        glossary: {
          access: { read: () => true },
          admin: { group: 'Words' },
          fields: ({ defaultFields }) => [...defaultFields, { name: 'note', type: 'text' }],
        },
        importJournal: { labels: { plural: 'Imports', singular: 'Import' } },
        memory: { hooks: { beforeChange: [projectMemoryHook] } },
      },
      slugs: { glossary: 'terms', importJournal: 'imports', memory: 'memory' },
    })(baseConfig())
    expect(config.collections?.map(({ slug }) => slug).slice(3)).toEqual(['terms', 'memory', 'imports'])
    const glossary = collectionOf(config, 'terms')!
    expect(glossary.fields.map((field) => ('name' in field ? field.name : undefined))).toEqual([
      'term',
      'locale',
      'definition',
      'approvedTranslation',
      'forbidden',
      'doNotTranslate',
      'note',
    ])
    // Merged key by key: the override's read beside the generated create rule and admin settings.
    expect(Object.keys(glossary.access ?? {}).sort()).toEqual(['create', 'delete', 'read', 'update'])
    expect(glossary.access?.read?.({} as never)).toBe(true)
    expect(glossary.admin).toMatchObject({ group: 'Words', useAsTitle: 'term' })
    expect(collectionOf(config, 'imports')).toMatchObject({ admin: { hidden: true }, labels: { plural: 'Imports' } })
    const memory = collectionOf(config, 'memory')
    expect(memory?.fields.map((field) => ('name' in field ? field.name : undefined))).toEqual(['sourceLocale', 'targetLocale', 'source', 'target', 'context', 'origin', 'sourceHash', 'fuzzyKeys'])
    // The project's hooks run after the one that keeps the lookup index, never instead of it.
    expect(memory?.hooks?.beforeChange).toHaveLength(2)
    expect(memory?.hooks?.beforeChange?.[1]).toBe(projectMemoryHook)
  })

  test('disabled: same collections, no endpoints or hooks', () => {
    const config = translationInterchange({ ...roles, enabled: false })(baseConfig())
    expect(config.collections?.map(({ slug }) => slug)).toEqual([
      'pages',
      'translation-tasks',
      'users',
      'glossary-terms',
      'translation-memory',
      'xliff-imports',
    ])
    expect(config.endpoints).toHaveLength(1)
    expect(collectionOf(config, 'translation-tasks')?.hooks?.afterChange).toEqual([userHook])
  })

  test.each([
    ['no translation workflow', {}, { custom: {} }, /register translationWorkflow before it/],
    ['an unknown collection', {}, { custom: { translationWorkflow: workflowContract({ collections: ['nope'] }) } }, /collection "nope"/],
    ['no tasks collection', {}, { custom: { translationWorkflow: workflowContract({ tasksSlug: 'jobs' }) } }, /register translationWorkflow first/],
    ['no export slot', { maxParallelExports: 0 }, {}, /maxParallelExports must be a whole number of 1 or more; got 0/],
    ['a fraction of a document per file', { maxDocumentsPerExport: 2.5 }, {}, /maxDocumentsPerExport must be .*; got 2.5/],
    [
      'a taken editor slot',
      {},
      { custom: { translationWorkflow: workflowContract({ translateViewSlots: { editor: '/other#Editor' } }) } },
      /editor slot is taken by "\/other#Editor"/,
    ],
  ])('refuses %s at start', (_, options, changes, message) => {
    expect(() => translationInterchange({ ...roles, ...options })({ ...baseConfig(), ...changes })).toThrow(message)
  })
})

describe('the translation settings global', () => {
  const settingsOf = (config: Config, slug: string) => config.globals?.find((global) => global.slug === slug)

  test.each([true, false])('is registered under `slugs.settings` with enabled %s, one select per QA check starting from the options', (enabled) => {
    const config = translationInterchange({ ...roles, enabled, qa: { severities: { phone: 'warning' } }, slugs: { settings: 'words-settings' } })(
      baseConfig(),
    )
    const settings = settingsOf(config, 'words-settings')
    expect(settings?.admin).toMatchObject({ group: 'Translation' })
    const qa = settings?.fields.find((field) => 'name' in field && field.name === 'qa')
    const selects = qa && 'fields' in qa ? qa.fields : []
    expect(selects.map((field) => ('name' in field ? field.name : ''))).toEqual(Object.keys(QA_CHECKS))
    expect(selects.find((field) => 'name' in field && field.name === 'phone')).toMatchObject({ type: 'select', defaultValue: 'warning' })
    expect(selects.find((field) => 'name' in field && field.name === 'url')).toMatchObject({ defaultValue: 'error' })
  })

  test('editors update it and staff read it, by the predicates given', () => {
    const config = translationInterchange({
      access: { isEditor: (user) => String(user?.id) === 'editor', isStaff: (user) => Boolean(user), isTranslatorFor: () => false },
    })(baseConfig())
    const access = settingsOf(config, 'translation-settings')?.access
    const asUser = (id: null | string) => ({ req: { user: id ? { id } : null } }) as never
    expect([access?.read?.(asUser('editor')), access?.read?.(asUser('reviewer')), access?.read?.(asUser(null))]).toEqual([true, true, false])
    expect([access?.update?.(asUser('editor')), access?.update?.(asUser('reviewer'))]).toEqual([true, false])
  })

  test.each([
    ['a check that does not exist', { spelling: 'error' }, /qa.severities names no check "spelling"/],
    ['a severity that does not exist', { phone: 'fatal' }, /qa.severities.phone must be one of error, warning, off; got fatal/],
  ])('refuses %s at start', (_, severities, message) => {
    expect(() => translationInterchange({ ...roles, qa: { severities: severities as never } })(baseConfig())).toThrow(message)
  })
})
