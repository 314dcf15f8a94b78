import type { PublishGuard, TranslationWorkflowContract } from '@plugins/translation-workflow'

import { outbox } from '@/lib/email'
import { paragraphs } from '@/lib/richText'

import type { AuthMode, TestHost } from '../helpers/host'
import type { TestUser } from '../helpers/users'

import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'
import { createPhaseOverRest, type Task, taskOf, transition } from './shared'

let testHost: TestHost
let editor: AuthMode
let nl1: AuthMode
let nl2: AuthMode
let sv1: AuthMode
let nl1User: TestUser
let nl2User: TestUser

type Phase = { title: string; translation: { status: string } }

beforeAll(async () => {
  testHost = await startTestHost()
  const { client, payload } = testHost
  await createUser(payload, ['admin'])
  editor = await client.login(await createUser(payload, ['editor']))
  nl1User = await createUser(payload, ['translator'], { translatorLocales: ['nl'] })
  nl2User = await createUser(payload, ['translator'], { translatorLocales: ['nl'] })
  nl1 = await client.login(nl1User)
  nl2 = await client.login(nl2User)
  sv1 = await client.login(await createUser(payload, ['translator'], { translatorLocales: ['sv'] }))
})

afterAll(async () => {
  await testHost.stop()
})

const mailsTo = (user: TestUser, subjectStart: string) =>
  outbox.filter(({ subject, to }) => to.includes(user.email) && subject.startsWith(subjectStart))

const anonymousRead = (id: number | string, locale: string) => testHost.client.json<Phase>('GET', `/api/phases/${id}?locale=${locale}`)

/** A translator claims the task, translates every field (title and summary; QA refuses a submit with one left out) and submits. */
const translateAndSubmit = async (id: number | string, auth: AuthMode, title: string): Promise<Task> => {
  const task = await taskOf(testHost.payload, 'phases', id, 'nl')
  if (!task.assignee) {
    expect((await transition(testHost, task.id, 'claim', auth)).status).toBe(200)
  }
  expect(
    (
      await testHost.client.json('PATCH', `/api/phases/${id}?locale=nl`, {
        auth,
        body: { summary: paragraphs('Slachtoffers worden binnen 24 uur doorverwezen.'), title },
      })
    ).status,
  ).toBe(200)
  expect((await transition(testHost, task.id, 'submit', auth)).status).toBe(200)
  return task
}

describe('review', () => {
  let id: number | string
  let task: Task

  beforeAll(async () => {
    id = await createPhaseOverRest(testHost, editor, { title: 'Identification' })
    task = await taskOf(testHost.payload, 'phases', id, 'nl')
  })

  test('claiming: one translator of the locale at a time', async () => {
    expect((await transition(testHost, task.id, 'claim', sv1)).status).toBe(404)
    const claimed = await transition(testHost, task.id, 'claim', nl1)
    expect(claimed.status).toBe(200)
    expect(claimed.body.doc).toMatchObject({ assignee: nl1User.id, status: 'in-progress' })
    const again = await transition(testHost, task.id, 'claim', nl2)
    expect(again.status).toBe(409)
    expect(again.body.errors?.[0]?.message).toBe('This task is already assigned.')
  })

  test('submitting asks the other Dutch translators for review', async () => {
    await translateAndSubmit(id, nl1, 'Identificatie')
    expect((await taskOf(testHost.payload, 'phases', id, 'nl')).status).toBe('in-review')
    expect(mailsTo(nl2User, 'Review requested')).toHaveLength(1)
    expect(mailsTo(nl1User, 'Review requested')).toHaveLength(0)
  })

  test('nobody reviews their own translation, over REST or GraphQL', async () => {
    const { body, status } = await transition(testHost, task.id, 'approve', nl1)
    expect(status).toBe(403)
    expect(body.errors?.[0]?.message).toBe('You cannot review your own translation.')
    const overGraphQL = await testHost.client.graphql(
      'mutation ($id: String!) { approveTranslationTask(id: $id) { status } }',
      { id: String(task.id) },
      nl1,
    )
    expect(overGraphQL.errors?.[0]?.message).toBe('You cannot review your own translation.')
    expect((await taskOf(testHost.payload, 'phases', id, 'nl')).status).toBe('in-review')
  })

  test('returning (here over GraphQL) needs a comment, which the task keeps and the translator receives', async () => {
    expect((await transition(testHost, task.id, 'return', nl2, { comment: ' ' })).status).toBe(400)
    const returned = await testHost.client.graphql<{ returnTranslationTask: { status: string } }>(
      'mutation ($id: String!, $comment: String!) { returnTranslationTask(id: $id, comment: $comment) { status } }',
      { id: String(task.id), comment: 'Gebruik "slachtoffers", niet "victims".' },
      nl2,
    )
    expect(returned.errors).toBeUndefined()
    expect(returned.data?.returnTranslationTask.status).toBe('returned')
    const stored = await taskOf(testHost.payload, 'phases', id, 'nl')
    expect(stored.status).toBe('returned')
    expect(stored.reviewComments).toEqual([
      expect.objectContaining({ author: nl2User.id, comment: 'Gebruik "slachtoffers", niet "victims".' }),
    ])
    expect(mailsTo(nl1User, 'Translation returned')[0]?.text).toContain('Gebruik "slachtoffers"')
  })

  test('approving publishes Dutch only: anonymous Dutch reads show it, Swedish still falls back to English', async () => {
    await translateAndSubmit(id, nl1, 'Identificatie van slachtoffers')
    expect((await anonymousRead(id, 'nl')).body.title).toBe('Identification')
    const approved = await transition(testHost, task.id, 'approve', nl2)
    expect(approved.status).toBe(200)
    expect(approved.body.doc).toMatchObject({ publishBlockedReason: null, reviewer: nl2User.id, status: 'approved' })
    expect(approved.body.doc.publishedAt).toEqual(expect.any(String))
    expect((await anonymousRead(id, 'nl')).body).toMatchObject({
      title: 'Identificatie van slachtoffers',
      translation: { status: 'translated' },
    })
    expect((await anonymousRead(id, 'sv')).body).toMatchObject({ title: 'Identification', translation: { status: 'fallback' } })
    expect(
      await testHost.payload.config.custom.translationWorkflow.approvedLocales({
        id,
        collection: 'phases',
        req: { payload: testHost.payload },
      }),
    ).toEqual(['nl'])
  })

  test('publishing the English source does not publish a translation still in the works', async () => {
    const svTask = await taskOf(testHost.payload, 'phases', id, 'sv')
    expect((await transition(testHost, svTask.id, 'claim', sv1)).status).toBe(200)
    expect(
      (await testHost.client.json('PATCH', `/api/phases/${id}?locale=sv`, { auth: sv1, body: { title: 'Identifiering' } })).status,
    ).toBe(200)
    const published = await testHost.client.json('PATCH', `/api/phases/${id}?locale=en`, {
      auth: editor,
      body: { _status: 'published', summary: paragraphs('Victims are identified early.') },
    })
    expect(published.status).toBe(200)
    expect((await anonymousRead(id, 'sv')).body.title).toBe('Identification')
    expect((await anonymousRead(id, 'nl')).body.title).toBe('Identificatie van slachtoffers')
    expect((await anonymousRead(id, 'en')).body).toMatchObject({ summary: paragraphs('Victims are identified early.') })
  })
})

describe('a publish guard may hold an approved translation back', () => {
  const guards = () => (testHost.payload.config.custom.translationWorkflow as TranslationWorkflowContract).publishGuards
  let registered: PublishGuard[] = []
  beforeEach(() => {
    registered = [...guards()]
  })
  afterEach(() => {
    guards().splice(0, guards().length, ...registered)
  })

  test('the task is approved, records why, and the locale stays unpublished', async () => {
    const id = await createPhaseOverRest(testHost, editor, { title: 'Training' })
    const asked: unknown[] = []
    // In place of every guard registered (the phase gate's, which would let a phase without gate through).
    guards().splice(0, guards().length, async ({ id: documentId, collection, locale }) => {
      asked.push([collection, String(documentId), locale])
      return 'Phase 2 awaits its gate decision.'
    })
    const task = await translateAndSubmit(id, nl1, 'Opleiding')
    const approved = await transition(testHost, task.id, 'approve', nl2)
    expect(approved.status).toBe(200)
    expect(approved.body.doc).toMatchObject({
      publishBlockedReason: 'Phase 2 awaits its gate decision.',
      publishedAt: null,
      status: 'approved',
    })
    expect(asked).toEqual([['phases', String(id), 'nl']])
    expect((await anonymousRead(id, 'nl')).body.title).toBe('Training')
  })
})

describe('tasks change only through the workflow', () => {
  test('an editor cannot set a status directly; nothing changes', async () => {
    const id = await createPhaseOverRest(testHost, editor, { title: 'Monitoring' })
    const task = await taskOf(testHost.payload, 'phases', id, 'nl')
    const { status } = await testHost.client.json('PATCH', `/api/translation-tasks/${task.id}`, {
      auth: editor,
      body: { status: 'approved' },
    })
    expect(status).toBe(400)
    const result = await testHost.client.graphql(
      `mutation ($id: ${typeof task.id === 'number' ? 'Int' : 'String'}!) { updateTranslationTask(id: $id, data: { status: approved }) { status } }`,
      { id: task.id },
      editor,
    )
    expect(result.errors?.length).toBe(1)
    expect((await taskOf(testHost.payload, 'phases', id, 'nl')).status).toBe('untranslated')
  })
})
