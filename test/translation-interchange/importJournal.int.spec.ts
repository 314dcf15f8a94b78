import type { CollectionSlug } from 'payload'

import { isEditor, isTranslatorFor } from '@plugins/index'
import { DEFAULT_SLUGS } from '@plugins/translation-interchange/constants'
import { resolveTranslationInterchangeOptions } from '@plugins/translation-interchange/defaults'
import { resumePendingImports } from '@plugins/translation-interchange/operations/applyImport'

import type { AuthMode, TestHost } from '../helpers/host'
import type { TestUser } from '../helpers/users'

import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'
import { createPhaseOverRest, taskOf, transition } from '../translation-workflow/shared'
import { exportXliff, importXliff, translateAll } from './shared'

/**
 * The import's journal: an accepted import is recorded in one insert before its first write, so a
 * process killed half-way leaves a pending journal that the next start completes. Here the "killed
 * half-way" state is made by hand (the journal written, the document written, the task not yet
 * moved); the kill -9 test of the whole server drives the same code from a child process.
 */
let testHost: TestHost
let editor: AuthMode
let translatorNl: AuthMode
let translatorUser: TestUser
let phaseId: number | string

type Journal = { id: number | string; keptInProgress?: unknown; state: string; writes: Array<{ data: Record<string, unknown> }> }

const journals = async () =>
  (await testHost.payload.find({ collection: DEFAULT_SLUGS.importJournal as CollectionSlug, depth: 0, overrideAccess: true, sort: 'createdAt' }))
    .docs as unknown as Journal[]

const nlTitle = async () =>
  ((await testHost.payload.findByID({ id: phaseId, collection: 'phases', draft: true, fallbackLocale: false, locale: 'nl' })) as unknown as {
    title?: string
  }).title

beforeAll(async () => {
  testHost = await startTestHost()
  const { client, payload } = testHost
  await createUser(payload, ['admin'])
  editor = await client.login(await createUser(payload, ['editor']))
  translatorUser = await createUser(payload, ['translator'], { translatorLocales: ['nl'] })
  translatorNl = await client.login(translatorUser)
  phaseId = await createPhaseOverRest(testHost, editor, { title: 'Identification' })
  expect((await transition(testHost, (await taskOf(payload, 'phases', phaseId, 'nl')).id, 'claim', translatorNl)).status).toBe(200)
})

afterAll(async () => {
  await testHost.stop()
})

test('an accepted import leaves an applied journal of exactly its writes; nobody reads journals over the API', async () => {
  const xml = translateAll((await exportXliff(testHost, translatorNl, `locale=nl&documentId=${phaseId}`)).text, (text) => `NL ${text}`)
  const { status } = await importXliff(testHost, translatorNl, 'nl', xml)
  expect(status).toBe(200)
  const [journal] = await journals()
  expect(journal).toMatchObject({ state: 'applied', writes: [{ collection: 'phases', data: { title: 'NL Identification' } }] })
  for (const auth of [editor, translatorNl, undefined]) {
    expect((await testHost.client.request('GET', `/api/${DEFAULT_SLUGS.importJournal}`, { auth })).status).toBeGreaterThanOrEqual(401)
  }
})

test('a journal a dead process left pending is completed at the next start: document written, task sent to review, once', async () => {
  const { payload } = testHost
  // Back to the state before the import above: task in progress again, Dutch title empty.
  const task = await taskOf(payload, 'phases', phaseId, 'nl')
  await payload.update({ id: task.id, collection: 'translation-tasks', data: { status: 'in-progress' } as never, overrideAccess: true })
  await payload.update({ id: phaseId, collection: 'phases', data: { title: null } as never, draft: true, locale: 'nl' })
  const [applied] = await journals()
  // What a process killed after the journal insert and the first write leaves behind.
  const pending = await payload.create({
    collection: DEFAULT_SLUGS.importJournal as CollectionSlug,
    data: {
      locale: 'nl',
      state: 'pending',
      uploader: { id: translatorUser.id, collection: 'users' },
      writes: applied!.writes.map((write) => ({ ...write, data: { ...write.data, title: 'NL Identificatie hervat' }, taskId: task.id })),
    } as never,
    overrideAccess: true,
  })
  await payload.update({ id: phaseId, collection: 'phases', data: { title: 'NL Identificatie hervat' } as never, draft: true, locale: 'nl' })

  const options = resolveTranslationInterchangeOptions({ access: { isEditor, isTranslatorFor } }, payload.config as never)
  expect(await resumePendingImports(options, payload)).toBe(1)
  expect(await nlTitle()).toBe('NL Identificatie hervat')
  expect((await taskOf(payload, 'phases', phaseId, 'nl')).status).toBe('in-review')
  const resumed = (await journals()).find((journal) => String(journal.id) === String(pending.id))
  expect(resumed).toMatchObject({ state: 'applied' })
  // A second start finds nothing left to do.
  expect(await resumePendingImports(options, payload)).toBe(0)
})
