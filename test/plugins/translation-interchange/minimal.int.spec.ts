import type { CollectionSlug, Payload, SanitizedConfig } from 'payload'

import { REST_GET, REST_POST } from '@payloadcms/next/routes'

import { paragraphs } from '@/lib/richText'

import { bootMinimalPayload } from '../../helpers/minimalPayload'
import { shutdownPayload } from '../../helpers/payload'
import { translateAll } from '../../translation-interchange/shared'
import { SLUGS } from './minimal.config'

// Slugs of the minimal config, not of this CMS: the generated types do not know them.
const slug = (name: string) => name as CollectionSlug

/** A member as stored (with their level and languages, which the predicates read) and their session. */
type Person = Record<string, unknown> & { collection: 'members'; id: number | string; token: string }
type Task = { assignee?: unknown; documentId: string; id: number | string; locale: string; status: string }

const config: Promise<SanitizedConfig> = import('./minimal.config').then((module) => module.default)
let payload: Payload
const people: Record<'editor' | 'outsider' | 'translator', Person> = {} as never

beforeAll(async () => {
  payload = await bootMinimalPayload(config)
  const members = [
    ['editor', 'editor', []],
    ['translator', 'translator', ['fr']],
    // Translates into French too, but holds no task.
    ['outsider', 'translator', ['fr']],
  ] as const
  for (const [key, level, languages] of members) {
    const email = `${key}@example.org`
    const password = 'correct-horse-battery'
    const doc = await payload.create({ collection: slug('members'), data: { email, languages, level, password } as never })
    const { token } = await payload.login({ collection: slug('members'), data: { email, password } })
    people[key] = { ...doc, collection: 'members', token: token! }
  }
})

afterAll(async () => {
  await shutdownPayload(payload)
})

/** A call to the REST API through Payload's own route handlers, signed in as a member. */
const api = async (method: 'GET' | 'POST', path: string, as: Person, body?: { text: string; type: string }) => {
  const url = new URL(`http://localhost/api${path}`)
  const handler = (method === 'GET' ? REST_GET : REST_POST)(config)
  const request = new Request(url, {
    body: body?.text,
    headers: { Authorization: `JWT ${as.token}`, ...(body && { 'Content-Type': body.type }) },
    method,
  })
  const response = await handler(request, { params: Promise.resolve({ slug: url.pathname.split('/').slice(2) }) })
  return { response, text: await response.text() }
}

const user = ({ token: _token, ...person }: Person) => ({ overrideAccess: false, user: person as never })

const frTaskOf = async (articleId: number | string): Promise<Task> => {
  const { docs } = await payload.find({
    collection: slug('translation-tasks'),
    where: { and: [{ documentId: { equals: String(articleId) } }, { locale: { equals: 'fr' } }] },
  })
  expect(docs).toHaveLength(1)
  return docs[0] as unknown as Task
}

const frArticle = async (id: number | string) =>
  (await payload.findByID({ id, collection: slug('articles'), draft: true, fallbackLocale: false, locale: 'fr' })) as unknown as {
    body?: unknown
    title?: null | string
  }

/** A German article by the editor and its French task, claimed by the translator. */
const articleWithClaimedTask = async (title: string, body: string) => {
  const article = await payload.create({
    collection: slug('articles'),
    data: { body: paragraphs(body), title } as never,
    locale: 'de',
    ...user(people.editor),
  })
  const task = await frTaskOf(article.id)
  expect((await api('POST', `/translation-tasks/${task.id}/claim`, people.translator)).response.status).toBe(200)
  return { article, task }
}

test('an XLIFF 2.0 export of a French task holds its units; the import of the translated file writes the French draft and sends the task to review', async () => {
  const { article, task } = await articleWithClaimedTask('Willkommen', 'Ein erster Absatz.')

  const exported = await api('GET', `/translation-interchange/export?locale=fr&task=${task.id}`, people.translator)
  expect(exported.response.status).toBe(200)
  const root = exported.text.match(/<xliff [^>]*>/)?.[0] ?? ''
  for (const attribute of ['version="2.0"', 'srcLang="de"', 'trgLang="fr"']) {
    expect(root).toContain(attribute)
  }
  expect(exported.text).toContain(`original="articles/${article.id}"`)
  expect(exported.text).toMatch(/<unit id="title"[\s\S]*<source>Willkommen<\/source>/)
  expect(exported.text).toMatch(/<unit id="body"[\s\S]*<source>Ein erster Absatz.<\/source>/)
  const translated = translateAll(exported.text, (text) => `FR ${text}`)
  const file = { type: 'application/xliff+xml', text: translated }

  // A member who translates into French but holds no task for this article: refused, nothing written.
  const refused = await api('POST', '/translation-interchange/import?locale=fr', people.outsider, file)
  expect(refused.response.status).toBe(422)
  expect(JSON.parse(refused.text)).toMatchObject({ applied: 0, units: [{ problem: 'task-not-held', status: 'refused' }] })
  expect((await frArticle(article.id)).title ?? null).toBeNull()
  expect((await frTaskOf(article.id)).status).toBe('in-progress')

  const imported = await api('POST', '/translation-interchange/import?locale=fr', people.translator, file)
  expect(imported.response.status).toBe(200)
  expect(JSON.parse(imported.text)).toMatchObject({ applied: 2, keptInProgress: [] })
  const draft = await frArticle(article.id)
  expect(draft.title).toBe('FR Willkommen')
  expect(JSON.stringify(draft.body)).toContain('FR Ein erster Absatz.')
  expect((await frTaskOf(article.id)).status).toBe('in-review')
  // The import's journal lives under the configured slug, and only there.
  const { totalDocs: journals } = await payload.count({ collection: slug(SLUGS.importJournal), overrideAccess: true })
  expect(journals).toBe(1)

  // Approved by the editor: the pairs go into the memory under its configured slug.
  expect((await api('POST', `/translation-tasks/${task.id}/approve`, people.editor)).response.status).toBe(200)
  const memory = await payload.find({ collection: slug(SLUGS.memory), ...user(people.translator) })
  expect(memory.docs.map((pair) => (pair as unknown as { target: string }).target).sort()).toEqual([
    'FR Ein erster Absatz.',
    'FR Willkommen',
  ])
})

test('QA refuses a submit whose French text drops the phone number, and the task stays in progress', async () => {
  const { article, task } = await articleWithClaimedTask('Rufen Sie +49 30 1234567 an', 'Wir helfen.')
  await payload.update({
    id: article.id,
    collection: slug('articles'),
    data: { body: paragraphs('Nous aidons.'), title: 'Appelez-nous' } as never,
    draft: true,
    locale: 'fr',
    ...user(people.translator),
  })
  const submit = await api('POST', `/translation-tasks/${task.id}/submit`, people.translator)
  expect(submit.response.status).toBe(400)
  const [error] = (JSON.parse(submit.text) as { errors: Array<{ data?: { findings: Array<{ check: string; unit: string }> }; message: string }> })
    .errors
  expect(error?.message).toMatch(/^QA found 1 error\(s\)/)
  expect(error?.data?.findings).toContainEqual(expect.objectContaining({ check: 'phone', level: 'error', unit: 'title' }))
  expect((await frTaskOf(article.id)).status).toBe('in-progress')
})

test('the glossary lives under its configured slug: editors keep it, French translators read it, the default slugs are not there', async () => {
  const term = await payload.create({
    collection: slug(SLUGS.glossary),
    data: { approvedTranslation: 'bienvenue', locale: 'fr', term: 'Willkommen' } as never,
    ...user(people.editor),
  })
  await expect(
    payload.create({ collection: slug(SLUGS.glossary), data: { locale: 'fr', term: 'Absatz' } as never, ...user(people.translator) }),
  ).rejects.toThrow()
  const read = await payload.find({ collection: slug(SLUGS.glossary), ...user(people.translator) })
  expect(read.docs.map((doc) => doc.id)).toEqual([term.id])
  for (const name of ['glossary-terms', 'translation-memory', 'xliff-imports']) {
    expect(payload.collections[slug(name)]).toBeUndefined()
  }
})
