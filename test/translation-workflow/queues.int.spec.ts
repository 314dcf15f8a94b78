import { outbox } from '@/lib/email'

import type { AuthMode, TestHost } from '../helpers/host'
import type { TestUser } from '../helpers/users'

import { createHotline, createPartner } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'
import { type Task, taskOf } from './shared'

type Queue = { counts: Record<string, number>; docs: Task[]; locales: string[]; totalDocs: number }
type ProgressRow = {
  collection: string
  counts: Record<string, number>
  locale: string
  percentages: Record<string, number>
  total: number
}

let testHost: TestHost
let editor: AuthMode
let nl1: AuthMode
let nl2: AuthMode
let sv1: AuthMode
let nl2User: TestUser
const partners: Array<number | string> = []

beforeAll(async () => {
  testHost = await startTestHost()
  const { client, payload } = testHost
  await createUser(payload, ['admin'])
  editor = await client.login(await createUser(payload, ['editor']))
  nl1 = await client.login(await createUser(payload, ['translator'], { translatorLocales: ['nl'] }))
  nl2User = await createUser(payload, ['translator'], { translatorLocales: ['nl'] })
  nl2 = await client.login(nl2User)
  sv1 = await client.login(await createUser(payload, ['translator'], { translatorLocales: ['sv'] }))
  for (const name of ['Payoke', 'La Strada', 'Fier']) {
    partners.push((await createPartner(payload, { name })).id)
  }
})

afterAll(async () => {
  await testHost.stop()
})

const queue = (auth: AuthMode, query: string) => testHost.client.json<Queue>('GET', `/api/translation-tasks/queue?${query}`, { auth })

const assign = async (partner: number | string, locale: string, data: Record<string, unknown>) => {
  const task = await taskOf(testHost.payload, 'partners', partner, locale)
  return testHost.client.json('PATCH', `/api/translation-tasks/${task.id}`, { auth: editor, body: data })
}

describe('queues', () => {
  test('an editor assigns with a due date and priority; the translator is told', async () => {
    const { status } = await assign(partners[0]!, 'nl', { assignee: nl2User.id, dueDate: '2026-12-15T00:00:00.000Z', priority: 'urgent' })
    expect(status).toBe(200)
    expect(outbox.filter(({ subject, to }) => to.includes(nl2User.email) && subject.startsWith('Translation assigned'))).toHaveLength(1)
  })

  test('"my queue": the tasks assigned to me, with counts per status', async () => {
    const { body, status } = await queue(nl2, 'queue=mine')
    expect(status).toBe(200)
    expect(body.docs.map(({ documentId, locale }) => [documentId, locale])).toEqual([[String(partners[0]), 'nl']])
    expect(body.counts).toMatchObject({ approved: 0, 'in-progress': 0, untranslated: 1 })
  })

  test('"open": unassigned tasks of my locales only, by priority then due date', async () => {
    await assign(partners[2]!, 'nl', { priority: 'high' })
    await assign(partners[1]!, 'nl', { dueDate: '2026-12-01T00:00:00.000Z' })
    const { body } = await queue(nl1, 'queue=open')
    expect(body.locales).toEqual(['nl'])
    expect(body.docs.map(({ documentId, locale }) => [documentId, locale])).toEqual([
      [String(partners[2]), 'nl'],
      [String(partners[1]), 'nl'],
    ])
    expect(body.counts.untranslated).toBe(2)
    const swedish = await queue(sv1, 'queue=open&collection=partners')
    expect(swedish.body.docs.map(({ locale }) => locale)).toEqual(['sv', 'sv', 'sv'])
  })

  test('filters: status, locale (never beyond mine), collection', async () => {
    expect((await queue(nl1, 'queue=open&status=in-review')).body.totalDocs).toBe(0)
    expect((await queue(nl1, 'queue=open&status=untranslated&collection=partners')).body.totalDocs).toBe(2)
    expect((await queue(nl1, 'queue=open&collection=hotlines')).body.totalDocs).toBe(0)
    const beyond = await queue(nl1, 'queue=open&locale=sv')
    expect(beyond.body.locales).toEqual([])
    expect(beyond.body.totalDocs).toBe(0)
    expect((await queue(nl1, 'queue=open&status=finished')).status).toBe(400)
    expect((await queue(undefined, 'queue=open')).status).toBe(403)
  })

  test('a translator who switched "assigned" off gets no such e-mail', async () => {
    const { status } = await testHost.client.json('PATCH', `/api/users/${nl2User.id}`, {
      auth: nl2,
      body: { translationNotificationsOff: ['assigned'] },
    })
    expect(status).toBe(200)
    const before = outbox.length
    expect((await assign(partners[1]!, 'nl', { assignee: nl2User.id })).status).toBe(200)
    expect(outbox.slice(before).filter(({ to }) => to.includes(nl2User.email))).toEqual([])
  })
})

describe('GET /api/translation-progress', () => {
  beforeAll(async () => {
    const statuses: Array<Record<string, string>> = [
      { nl: 'approved', sv: 'returned' },
      { nl: 'approved' },
      { nl: 'outdated' },
      { nl: 'in-review' },
    ]
    for (const byLocale of statuses) {
      const hotline = await createHotline(testHost.payload)
      for (const [locale, status] of Object.entries(byLocale)) {
        const task = await taskOf(testHost.payload, 'hotlines', hotline.id, locale)
        // Fixture: the state these translations have reached.
        await testHost.payload.update({ id: task.id, collection: 'translation-tasks', data: { status } as never })
      }
    }
  })

  const rowOf = (rows: ProgressRow[], locale: string, collection: string) =>
    rows.find((row) => row.locale === locale && row.collection === collection)

  test('matches the hand-computed figures per locale × collection', async () => {
    const { body, status } = await testHost.client.json<{ rows: ProgressRow[] }>('GET', '/api/translation-progress', { auth: editor })
    expect(status).toBe(200)
    expect(rowOf(body.rows, 'nl', 'hotlines')).toEqual({
      collection: 'hotlines',
      counts: { approved: 2, inProgress: 1, outdated: 1, untranslated: 0 },
      locale: 'nl',
      percentages: { approved: 50, inProgress: 25, outdated: 25, untranslated: 0 },
      total: 4,
    })
    expect(rowOf(body.rows, 'sv', 'hotlines')).toMatchObject({
      counts: { approved: 0, inProgress: 1, outdated: 0, untranslated: 3 },
      percentages: { approved: 0, inProgress: 25, outdated: 0, untranslated: 75 },
    })
    expect(rowOf(body.rows, 'de', 'partners')).toMatchObject({ counts: { untranslated: 3 }, percentages: { untranslated: 100 }, total: 3 })
  })

  test('a translator sees their locales; anonymous readers nothing', async () => {
    const { body } = await testHost.client.json<{ rows: ProgressRow[] }>('GET', '/api/translation-progress', { auth: nl1 })
    expect([...new Set(body.rows.map(({ locale }) => locale))]).toEqual(['nl'])
    expect((await testHost.client.json('GET', '/api/translation-progress')).status).toBe(403)
  })
})
