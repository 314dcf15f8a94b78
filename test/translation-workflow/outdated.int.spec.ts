import type { Where } from 'payload'

import { paragraphs } from '@/lib/richText'

import type { AuthMode, TestHost } from '../helpers/host'

import { createHotline } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'
import { CHECK_OUTDATED, createPhaseOverRest, runOutdatedChecks, taskOf } from './shared'

let testHost: TestHost
let editor: AuthMode

beforeAll(async () => {
  testHost = await startTestHost()
  await createUser(testHost.payload, ['admin'])
  editor = await testHost.client.login(await createUser(testHost.payload, ['editor']))
})

afterAll(async () => {
  await testHost.stop()
})

const queuedChecks = async () =>
  (
    await testHost.payload.count({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: CHECK_OUTDATED } }, { completedAt: { exists: false } }] },
    })
  ).totalDocs

/** Fixture: a task as if its translation had reached this status. */
const setStatus = (collection: string, documentId: number | string, locale: string, status: string) =>
  testHost.payload.update({
    collection: 'translation-tasks',
    data: { status } as never,
    where: {
      and: [{ targetCollection: { equals: collection } }, { documentId: { equals: String(documentId) } }, { locale: { equals: locale } }],
    },
  })

describe('outdated detection, field by field, in the jobs queue', () => {
  let id: number | string

  beforeAll(async () => {
    id = await createPhaseOverRest(testHost, editor, { title: 'Identification and referral' })
    await setStatus('phases', id, 'nl', 'approved')
    await setStatus('phases', id, 'sv', 'in-review')
  })

  test('editing one source field over REST outdates the translations made from it, with a readable diff', async () => {
    const untouchedBefore = await taskOf(testHost.payload, 'phases', id, 'de')
    const { status } = await testHost.client.json('PATCH', `/api/phases/${id}?locale=en`, {
      auth: editor,
      body: { summary: paragraphs('Victims are referred within 48 hours.') },
    })
    expect(status).toBe(200)
    // The save queued the comparison instead of making it.
    expect(await queuedChecks()).toBe(1)
    expect((await taskOf(testHost.payload, 'phases', id, 'nl')).status).toBe('approved')

    await runOutdatedChecks(testHost.payload)
    for (const locale of ['nl', 'sv']) {
      const task = await taskOf(testHost.payload, 'phases', id, locale)
      expect(task.status).toBe('outdated')
      expect(task.changedFields).toEqual([
        expect.objectContaining({
          after: 'Victims are referred within 48 hours.',
          before: 'Victims are referred within 24 hours.',
          path: 'summary',
          summary: 'Victims are referred within [-24-]{+48+} hours.',
        }),
      ])
    }
    // Untranslated work has nothing to outdate: it just measures itself against the new source.
    const untouched = await taskOf(testHost.payload, 'phases', id, 'de')
    expect(untouched.status).toBe('untranslated')
    expect(untouched.sourceFingerprints.title).toBe(untouchedBefore.sourceFingerprints.title)
    expect(untouched.sourceFingerprints.summary).not.toBe(untouchedBefore.sourceFingerprints.summary)
  })

  test('a change to a shared field, or bold on unchanged words, queues nothing', async () => {
    const checksBefore = await queuedChecks()
    const bold = paragraphs('Victims are referred within 48 hours.') as unknown as {
      root: { children: Array<{ children: Array<{ format: number }> }> }
    }
    bold.root.children[0]!.children[0]!.format = 1
    expect((await testHost.client.json('PATCH', `/api/phases/${id}?locale=en`, { auth: editor, body: { status: 'active' } })).status).toBe(
      200,
    )
    expect((await testHost.client.json('PATCH', `/api/phases/${id}?locale=en`, { auth: editor, body: { summary: bold } })).status).toBe(200)
    expect(await queuedChecks()).toBe(checksBefore)
  })

  test('a GraphQL save adds the next changed field to the diff; other fields are not listed', async () => {
    const result = await testHost.client.graphql(
      `mutation ($id: ${typeof id === 'number' ? 'Int' : 'String'}!) { updatePhase(id: $id, locale: en, data: { title: "Identification and safe referral" }) { id } }`,
      { id },
      editor,
    )
    expect(result.errors).toBeUndefined()
    await runOutdatedChecks(testHost.payload)
    const task = await taskOf(testHost.payload, 'phases', id, 'nl')
    expect(task.changedFields?.map(({ path, summary }) => [path, summary])).toEqual([
      ['summary', 'Victims are referred within [-24-]{+48+} hours.'],
      ['title', 'Identification and {+safe +}referral'],
    ])
  })

  test('of quick saves of one document only the last check waits in the queue; other documents keep theirs', async () => {
    await runOutdatedChecks(testHost.payload)
    const other = await createPhaseOverRest(testHost, editor, { title: 'Prosecution' })
    for (const [document, title] of [
      [id, 'Identification and early referral'],
      [other, 'Prosecution of traffickers'],
      [id, 'Identification and swift referral'],
      [id, 'Identification and safe, swift referral'],
    ] as const) {
      expect((await testHost.client.json('PATCH', `/api/phases/${document}?locale=en`, { auth: editor, body: { title } })).status).toBe(200)
    }
    expect(await queuedChecks()).toBe(2)

    await runOutdatedChecks(testHost.payload)
    expect(await queuedChecks()).toBe(0)
    // The one check left compared against the latest source: nothing of the saves is lost.
    const task = await taskOf(testHost.payload, 'phases', id, 'nl')
    expect(task.changedFields?.find(({ path }) => path === 'title')?.summary).toBe('Identification and {+safe, swift +}referral')
    expect((await taskOf(testHost.payload, 'phases', other, 'de')).sourceValues?.title).toBe('Prosecution of traffickers')
  })

  test('sites reading the translation see it marked outdated (config.custom.translationWorkflow.isOutdated)', async () => {
    // Fixture: the Dutch text that was approved before the source changed.
    await testHost.payload.update({
      id,
      collection: 'phases',
      data: { summary: paragraphs('Slachtoffers worden binnen 24 uur doorverwezen.'), title: 'Identificatie en doorverwijzing' } as never,
      locale: 'nl',
    })
    const nl = await testHost.client.json('GET', `/api/phases/${id}?locale=nl`)
    expect(nl.body).toMatchObject({ title: 'Identificatie en doorverwijzing', translation: { status: 'outdated' } })
    const contract = testHost.payload.config.custom.translationWorkflow
    expect(await contract.approvedLocales({ id, collection: 'phases', req: { payload: testHost.payload } })).toEqual([])
  })
})

describe('a bulk update of 250 documents', () => {
  const COUNT = 250

  test('is saved quickly and outdated in the jobs queue', async () => {
    for (let index = 0; index < COUNT; index += 1) {
      await createHotline(testHost.payload, { country: 'LU', notes: 'Free and confidential.' })
    }
    await testHost.payload.update({
      collection: 'translation-tasks',
      data: { status: 'approved' } as never,
      where: { and: [{ targetCollection: { equals: 'hotlines' } }, { locale: { equals: 'nl' } }] },
    })

    // Creating the fixtures left the client's keep-alive connection idle long enough for the host to
    // close it; a first request may meet the closed socket, and must not be the one timed.
    await testHost.client.request('GET', '/healthz').catch(() => undefined)
    const checksBefore = await queuedChecks()
    const started = performance.now()
    const { body, status } = await testHost.client.json<{ docs: unknown[]; errors: unknown[] }>(
      'PATCH',
      '/api/hotlines?locale=en&limit=1000&depth=0&where[country][equals]=LU',
      { auth: editor, body: { notes: 'Free, confidential, day and night.' } },
    )
    const savedInMs = performance.now() - started
    expect(status).toBe(200)
    expect(body.docs).toHaveLength(COUNT)
    expect((await queuedChecks()) - checksBefore).toBe(COUNT)

    // The same bulk update of a shared field queues nothing: the difference is what queueing costs the save.
    const sharedStarted = performance.now()
    const shared = await testHost.client.json('PATCH', '/api/hotlines?locale=en&limit=1000&depth=0&where[country][equals]=LU', {
      auth: editor,
      body: { freeOfCharge: false },
    })
    const sharedInMs = performance.now() - sharedStarted
    expect(shared.status).toBe(200)
    expect((await queuedChecks()) - checksBefore).toBe(COUNT)

    const checkStarted = performance.now()
    await runOutdatedChecks(testHost.payload)
    const checkedInMs = performance.now() - checkStarted
    // The figures quoted in the workflow notes.
    process.stdout.write(
      `bulk update of ${COUNT} hotlines: saved in ${Math.round(savedInMs)} ms (${(savedInMs / COUNT).toFixed(1)} ms each; ` +
        `${Math.round(sharedInMs)} ms for the same update of a shared field, which queues nothing); outdated checks ran in ${Math.round(checkedInMs)} ms\n`,
    )

    const nl = await testHost.payload.count({
      collection: 'translation-tasks',
      where: { and: [{ targetCollection: { equals: 'hotlines' } }, { locale: { equals: 'nl' } }, { status: { equals: 'outdated' } }] },
    })
    expect(nl.totalDocs).toBe(COUNT)
    const others = await testHost.payload.count({
      collection: 'translation-tasks',
      where: { and: [{ targetCollection: { equals: 'hotlines' } }, { status: { equals: 'outdated' } }, { locale: { not_equals: 'nl' } }] },
    })
    expect(others.totalDocs).toBe(0)
  }, 600_000)
})

describe('documents that predate the workflow', () => {
  test('get their tasks from the backfill job, once', async () => {
    const hotline = await createHotline(testHost.payload, { name: 'Older helpline' })
    const ofHotline: Where = { and: [{ targetCollection: { equals: 'hotlines' } }, { documentId: { equals: String(hotline.id) } }] }
    // Fixture: as if the document had been written before the plugin was added.
    await testHost.payload.db.deleteMany({ collection: 'translation-tasks', where: ofHotline })
    const run = async () => {
      await testHost.payload.jobs.queue({ input: {} as never, task: 'translationWorkflowBackfill' as never })
      await testHost.payload.jobs.run({ sequential: true, where: { taskSlug: { equals: 'translationWorkflowBackfill' } } })
      return (await testHost.payload.count({ collection: 'translation-tasks', where: ofHotline })).totalDocs
    }
    expect(await run()).toBe(9)
    expect(await run()).toBe(9)
    expect((await taskOf(testHost.payload, 'hotlines', hotline.id, 'nl')).sourceFingerprints.name).toMatch(/^sha256:/)
  })
})
