import { paragraphs } from '@/lib/richText'

import type { AuthMode, TestHost } from '../helpers/host'

import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'

type Task = {
  documentId: string
  locale: string
  sourceFingerprints: Record<string, string>
  sourceWordCount: number
  status: string
  targetCollection: string
}
type TaskList = { docs: Task[]; totalDocs: number }

const TARGET_LOCALES = ['de', 'fr', 'hu', 'nb', 'nl', 'pt', 'ro', 'sq', 'sv']

let testHost: TestHost
let editor: AuthMode
let translatorNl: AuthMode
let phaseNumber = 0

beforeAll(async () => {
  testHost = await startTestHost()
  const { client, payload } = testHost
  editor = await client.login(await createUser(payload, ['editor']))
  translatorNl = await client.login(await createUser(payload, ['translator'], { translatorLocales: ['nl'] }))
})

afterAll(async () => {
  await testHost.stop()
})

const tasksOf = async (documentId: number | string, auth: AuthMode) =>
  testHost.client.json<TaskList>(
    'GET',
    `/api/translation-tasks?limit=50&sort=locale&where[documentId][equals]=${documentId}&where[targetCollection][equals]=phases`,
    { auth },
  )

const createPhaseAsEditor = async (title: string) => {
  const { body, status } = await testHost.client.json<{ doc: { id: number | string } }>('POST', '/api/phases', {
    auth: editor,
    body: { _status: 'published', number: (phaseNumber += 1), summary: paragraphs('Victims are referred within 24 hours.'), title },
  })
  if (status !== 201) {
    throw new Error(`create phase: ${status} ${JSON.stringify(body)}`)
  }
  return body.doc.id
}

describe('translation tasks follow their document', () => {
  test('creating a document creates one untranslated task per target locale, with fingerprints and word count', async () => {
    const id = await createPhaseAsEditor('Identification and referral')
    const { body, status } = await tasksOf(id, editor)
    expect(status).toBe(200)
    expect(body.docs.map(({ locale }) => locale)).toEqual(TARGET_LOCALES)
    for (const task of body.docs) {
      expect(task).toMatchObject({ documentId: String(id), status: 'untranslated', targetCollection: 'phases' })
      // "Identification and referral" (3) + "Victims are referred within 24 hours." (6)
      expect(task.sourceWordCount).toBe(9)
      expect(task.sourceFingerprints.title).toMatch(/^sha256:[0-9a-f]{16}$/)
      expect(task.sourceFingerprints.summary).toMatch(/^sha256:[0-9a-f]{16}$/)
    }
  })

  test('deleting the document removes its tasks', async () => {
    const id = await createPhaseAsEditor('A phase to delete')
    expect((await tasksOf(id, editor)).body.totalDocs).toBe(TARGET_LOCALES.length)
    expect((await testHost.client.json('DELETE', `/api/phases/${id}`, { auth: editor })).status).toBe(200)
    expect((await tasksOf(id, editor)).body.totalDocs).toBe(0)
  })
})

describe('who sees and changes tasks', () => {
  let id: number | string
  let nlTaskId: number | string

  beforeAll(async () => {
    id = await createPhaseAsEditor('Visible to translators')
    const found = await testHost.payload.find({
      collection: 'translation-tasks',
      where: { and: [{ documentId: { equals: String(id) } }, { locale: { equals: 'nl' } }] },
    })
    nlTaskId = found.docs[0]?.id ?? ''
  })

  test('a translator of nl sees only nl tasks, over REST and GraphQL', async () => {
    const { body } = await tasksOf(id, translatorNl)
    expect(body.docs.map(({ locale }) => locale)).toEqual(['nl'])
    const result = await testHost.client.graphql<{ TranslationTasks: { docs: Array<{ locale: string }> } }>(
      `query ($documentId: String!) { TranslationTasks(where: { documentId: { equals: $documentId } }, limit: 50) { docs { locale } } }`,
      { documentId: String(id) },
      translatorNl,
    )
    expect(result.errors).toBeUndefined()
    expect(result.data?.TranslationTasks.docs.map(({ locale }) => locale)).toEqual(['nl'])
  })

  test('anonymous readers see no tasks', async () => {
    const { body, status } = await testHost.client.json<TaskList>('GET', '/api/translation-tasks')
    expect(status === 403 || body.totalDocs === 0).toBe(true)
  })

  test('a translator cannot change, create or delete tasks directly; nothing changes', async () => {
    const update = await testHost.client.json('PATCH', `/api/translation-tasks/${nlTaskId}`, {
      auth: translatorNl,
      body: { status: 'approved' },
    })
    expect(update.status).toBe(403)
    const create = await testHost.client.json('POST', '/api/translation-tasks', {
      auth: translatorNl,
      body: { documentId: String(id), locale: 'nl', status: 'approved', targetCollection: 'phases' },
    })
    expect(create.status).toBe(403)
    expect((await testHost.client.json('DELETE', `/api/translation-tasks/${nlTaskId}`, { auth: translatorNl })).status).toBe(403)
    const task = await testHost.payload.findByID({ id: nlTaskId, collection: 'translation-tasks' })
    expect(task.status).toBe('untranslated')
    expect((await tasksOf(id, editor)).body.totalDocs).toBe(TARGET_LOCALES.length)
  })

  test('an editor may set priority and due date', async () => {
    const { body, status } = await testHost.client.json<{ doc: { dueDate: string; priority: string } }>(
      'PATCH',
      `/api/translation-tasks/${nlTaskId}`,
      {
        auth: editor,
        body: { dueDate: '2026-12-31T00:00:00.000Z', priority: 'urgent' },
      },
    )
    expect(status).toBe(200)
    expect(body.doc).toMatchObject({ dueDate: '2026-12-31T00:00:00.000Z', priority: 'urgent' })
  })
})
