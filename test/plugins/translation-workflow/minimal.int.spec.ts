import type { CollectionSlug, Payload, SanitizedConfig, TypedLocale } from 'payload'

import { REST_POST } from '@payloadcms/next/routes'

import { ERRORS } from '../../../plugins/translation-workflow'
import { bootMinimalPayload } from '../../helpers/minimalPayload'
import { shutdownPayload } from '../../helpers/payload'

// Slugs and locales of the minimal config, not of this CMS: the generated types do not know them.
const slug = (name: string) => name as CollectionSlug
const ITALIAN = 'it' as TypedLocale
const ARTICLES = slug('articles')
const TASKS = slug('localisation-jobs')
const PASSWORD = 'correct-horse-battery'

type Person = Record<string, unknown> & { collection: string; id: number | string; token: string }
type Task = { id: number | string; locale: string; status: string }

let payload: Payload
let config: Promise<SanitizedConfig>
const people: Record<string, Person> = {}

beforeAll(async () => {
  config = import('./minimal.config').then((module) => module.default)
  payload = await bootMinimalPayload(config)
  for (const [key, level, languages] of [
    ['lead', 'lead', []],
    ['fr', 'linguist', ['fr']],
    ['it', 'linguist', ['it']],
  ] as const) {
    const email = `${key}@example.org`
    const doc = await payload.create({ collection: slug('members'), data: { email, languages, level, password: PASSWORD } as never })
    const { token } = await payload.login({ collection: slug('members'), data: { email, password: PASSWORD } })
    people[key] = { ...doc, collection: 'members', token: token! }
  }
})

afterAll(async () => {
  await shutdownPayload(payload)
})

const as = (key: string) => ({ overrideAccess: false, user: people[key] as never })

/** A task transition over Payload's REST handler, as the admin's translate view sends it, signed in as `key`. */
const transition = async (key: string, task: Task, action: string) => {
  const response = await REST_POST(config)(
    new Request(`http://localhost/api/localisation-jobs/${task.id}/${action}`, {
      body: '{}',
      headers: { Authorization: `JWT ${people[key]!.token}`, 'Content-Type': 'application/json' },
      method: 'POST',
    }),
    { params: Promise.resolve({ slug: ['localisation-jobs', String(task.id), action] }) },
  )
  return { body: (await response.json()) as { doc?: Task; errors?: Array<{ message: string }> }, status: response.status }
}

const tasksOf = async (id: number | string): Promise<Task[]> => {
  const { docs } = await payload.find({ collection: TASKS, sort: 'locale', where: { documentId: { equals: String(id) } } })
  return docs as unknown as Task[]
}

test('an article goes through the workflow with members, their languages and a lead as editor', async () => {
  const article = await payload.create({
    collection: ARTICLES,
    data: { _status: 'published', body: 'Der Text.', code: 'A-1', title: 'Der Titel' } as never,
    locale: 'de',
    ...as('lead'),
  })

  // One task per target locale, in the plugin's tasks collection under its configured slug.
  const created = await tasksOf(article.id)
  expect(created.map(({ locale, status }) => [locale, status])).toEqual([
    ['fr', 'untranslated'],
    ['it', 'untranslated'],
  ])
  const [frTask, itTask] = created as [Task, Task]

  // The Italian translator neither sees nor claims the French task.
  expect((await transition('it', frTask, 'claim')).status).toBe(404)
  const claimed = await transition('fr', frTask, 'claim')
  expect(claimed.status).toBe(200)
  expect(claimed.body.doc?.status).toBe('in-progress')

  // Holding the French task: a French draft, never the German source, never Italian.
  await payload.update({ id: article.id, collection: ARTICLES, data: { title: 'Le titre' } as never, draft: true, locale: 'fr', ...as('fr') })
  await expect(
    payload.update({ id: article.id, collection: ARTICLES, data: { title: 'Titel' } as never, draft: true, locale: 'de', ...as('fr') }),
  ).rejects.toThrow()
  await expect(
    payload.update({ id: article.id, collection: ARTICLES, data: { title: 'Il titolo' } as never, draft: true, locale: ITALIAN, ...as('fr') }),
  ).rejects.toThrow()
  // Nor a field every locale shares.
  await expect(
    payload.update({ id: article.id, collection: ARTICLES, data: { code: 'B-2' } as never, draft: true, locale: 'fr', ...as('fr') }),
  ).rejects.toThrow()

  expect((await transition('fr', frTask, 'submit')).body.doc?.status).toBe('in-review')
  // Nobody reviews their own translation: the lead approves, and the approval publishes French only.
  expect((await transition('fr', frTask, 'approve')).status).toBe(403)
  const approved = await transition('lead', frTask, 'approve')
  expect(approved.status).toBe(200)
  expect(approved.body.doc?.status).toBe('approved')
  const published = (await payload.findByID({ id: article.id, collection: ARTICLES, draft: false, fallbackLocale: false, locale: 'all' })) as unknown as {
    title: Record<string, string | undefined>
  }
  expect(published.title).toMatchObject({ de: 'Der Titel', fr: 'Le titre' })
  expect(published.title.it).toBeUndefined()

  // A source edit outdates the approved translation once the queue has run; Italian was never translated.
  await payload.update({ id: article.id, collection: ARTICLES, data: { title: 'Der neue Titel' } as never, locale: 'de', ...as('lead') })
  await payload.jobs.run()
  const after = await tasksOf(article.id)
  expect(after.find(({ id }) => id === frTask.id)?.status).toBe('outdated')
  expect(after.find(({ id }) => id === itTask.id)?.status).toBe('untranslated')

  // A restore rewrites every locale and the publication state: never a translator's to make.
  const { docs: versions } = await payload.findVersions({ collection: ARTICLES, sort: 'createdAt', where: { parent: { equals: article.id } } })
  expect(versions.length).toBeGreaterThan(1)
  await expect(payload.restoreVersion({ id: versions[0]!.id, collection: ARTICLES, ...as('fr') })).rejects.toThrow(ERRORS.translatorCannotRestore)
  await expect(payload.restoreVersion({ id: versions[0]!.id, collection: ARTICLES, ...as('lead') })).resolves.toBeDefined()
})
