import { paragraphs } from '@/lib/richText'

import type { AuthMode, TestHost } from '../helpers/host'
import type { MachineTranslationStandIns } from '../helpers/machineTranslationStandIns'

import { createModule, createPartner } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { startMachineTranslationStandIns } from '../helpers/machineTranslationStandIns'
import { createUser } from '../helpers/users'
import { taskOf, transition } from '../translation-workflow/shared'

type Fill = { at: string; field: string; memoryOrigin?: null | string; origin: string }
type Skip = { field?: string; message: string; reason: string }
type TaskReport = { document?: string; filled: Fill[]; locale?: string; skipped: Skip[]; task: number | string; written: boolean }
type Answer = { errors?: Array<{ message: string }>; filled: number; skipped: number; tasks: TaskReport[] }

let testHost: TestHost
let standIns: MachineTranslationStandIns
let editor: AuthMode
let translatorNl: AuthMode
let translatorSv: AuthMode
let memoryFilled: number | string
let halfTranslated: number | string
let unclaimed: number | string
let module: number | string
const savedEnv = { ...process.env }

const preTranslate = (auth: AuthMode, body: unknown) =>
  testHost.client.json<Answer>('POST', '/api/translation-interchange/pre-translate', { auth, body: body as object })

const taskId = async (collection: string, id: number | string, locale = 'nl') => (await taskOf(testHost.payload, collection, id, locale)).id

/** The document in a locale as stored: the latest draft, or the published version. */
const stored = async (collection: 'partners' | 'training-modules', id: number | string, draft: boolean, locale = 'nl') =>
  (await testHost.payload.findByID({ id, collection, depth: 0, draft, fallbackLocale: false, locale: locale as 'nl' })) as unknown as Record<
    string,
    unknown
  >

const text = (value: unknown) => JSON.stringify(value ?? null)

const reportOf = (answer: Answer, id: number | string) => answer.tasks.find((report) => String(report.task) === String(id)) as TaskReport

beforeAll(async () => {
  standIns = await startMachineTranslationStandIns()
  Object.assign(process.env, standIns.settings('nl=libretranslate'))
  testHost = await startTestHost()
  const { client, payload } = testHost
  editor = await client.login(await createUser(payload, ['editor']))
  translatorNl = await client.login(await createUser(payload, ['translator'], { translatorLocales: ['nl'] }))
  translatorSv = await client.login(await createUser(payload, ['translator'], { translatorLocales: ['sv'] }))
  const remember = (source: string, target: string, context: string) =>
    payload.create({
      collection: 'translation-memory',
      data: { context, origin: 'tmx', source, sourceLocale: 'en', target, targetLocale: 'nl' },
      overrideAccess: true,
    })
  await remember('Safe House Network', 'Veilig Huis Netwerk', 'partners:name')
  await remember('We support survivors.', 'Wij steunen overlevenden.', 'hotlines:description')
  await remember('Outreach Team North', 'Outreachteam Noord', 'partners:name')
  memoryFilled = (await createPartner(payload, { name: 'Safe House Network', slug: 'pt-1', description: paragraphs('We support survivors.') })).id
  halfTranslated = (
    await createPartner(payload, {
      name: 'Legal Aid Desk',
      slug: 'pt-2',
      description: paragraphs('Free advice for everyone who was exploited.'),
    })
  ).id
  unclaimed = (await createPartner(payload, { name: 'Outreach Team North', slug: 'pt-3', description: paragraphs('First line.', 'Second line.') })).id
  module = (
    await createModule(payload, {
      content: paragraphs('How to recognise forced labour.'),
      title: 'Recognising forced labour',
      trainerNotes: paragraphs('Trainer only: the case of the Dover lorry is confidential.'),
    })
  ).id
  // A published Dutch name someone wrote: never replaced, and the published text must stay.
  const { status } = await client.json('PATCH', `/api/partners/${halfTranslated}?locale=nl`, {
    auth: editor,
    body: { name: 'Juridisch loket', _status: 'published' },
  })
  expect(status).toBe(200)
  for (const [collection, id] of [
    ['partners', memoryFilled],
    ['partners', halfTranslated],
    ['training-modules', module],
  ] as const) {
    expect((await transition(testHost, await taskId(collection, id), 'claim', translatorNl)).status).toBe(200)
  }
})

afterAll(async () => {
  await testHost.stop()
  await standIns.stop()
  process.env = savedEnv
})

describe('from the memory', () => {
  let answer: Answer

  beforeAll(async () => {
    const { body, status } = await preTranslate(translatorNl, { tasks: [await taskId('partners', memoryFilled), await taskId('partners', halfTranslated)] })
    expect(status).toBe(200)
    answer = body
  })

  test('fills only empty fields, from 101 and 100 % matches, with their origin', async () => {
    const report = reportOf(answer, await taskId('partners', memoryFilled))
    expect(report.written).toBe(true)
    expect(report.filled.map(({ field, memoryOrigin, origin }) => ({ field, memoryOrigin, origin }))).toEqual([
      { field: 'name', memoryOrigin: 'tmx', origin: 'memory-101' },
      { field: 'description', memoryOrigin: 'tmx', origin: 'memory-100' },
    ])
    const draft = await stored('partners', memoryFilled, true)
    expect(draft.name).toBe('Veilig Huis Netwerk')
    expect(text(draft.description)).toContain('Wij steunen overlevenden.')
  })

  test('a field with text is untouched; a field without an exact match stays empty, with the reason', async () => {
    const report = reportOf(answer, await taskId('partners', halfTranslated))
    expect(report.written).toBe(false)
    expect(report.filled).toEqual([])
    expect(report.skipped.map(({ field, reason }) => ({ field, reason }))).toEqual([
      { field: 'name', reason: 'already-translated' },
      { field: 'description', reason: 'no-exact-match' },
    ])
    expect((await stored('partners', halfTranslated, true)).name).toBe('Juridisch loket')
  })

  test('a draft of the locale: the published text is unchanged, the task is not submitted', async () => {
    const published = await stored('partners', memoryFilled, false)
    expect(published.name ?? null).toBeNull()
    expect((await stored('partners', memoryFilled, false, 'en')).name).toBe('Safe House Network')
    const task = await taskOf(testHost.payload, 'partners', memoryFilled, 'nl')
    expect(task.status).toBe('in-progress')
    expect(task).toMatchObject({
      preTranslation: { fields: [{ field: 'name', origin: 'memory-101' }, { field: 'description', origin: 'memory-100' }] },
    })
  })

  test("the translate view's suggestions mark the pre-translated fields for the reviewer, and only those", async () => {
    const marks = async (documentId: number | string) => {
      const { body, status } = await testHost.client.json<{ units: Array<{ id: string; preTranslated: null | { origin: string } }> }>(
        'GET',
        `/api/translation-interchange/suggestions?task=${await taskId('partners', documentId)}`,
        { auth: translatorNl },
      )
      expect(status).toBe(200)
      return Object.fromEntries(body.units.map((unit) => [unit.id, unit.preTranslated?.origin ?? null]))
    }
    expect(await marks(memoryFilled)).toEqual({ name: 'memory-101', description: 'memory-100' })
    expect(await marks(halfTranslated)).toEqual({ name: null, description: null })
  })

  test('a translator cannot pre-translate a task they do not hold, nor one of another locale; nothing is written', async () => {
    const ids = [await taskId('partners', unclaimed), await taskId('partners', memoryFilled, 'sv')]
    for (const [auth, id] of [
      [translatorNl, ids[0]],
      [translatorNl, ids[1]],
      [translatorSv, ids[0]],
    ] as const) {
      const { body, status } = await preTranslate(auth, { tasks: [id] })
      expect(status).toBe(200)
      expect(body.tasks).toEqual([
        expect.objectContaining({ filled: [], skipped: [expect.objectContaining({ reason: 'task-not-held' })], written: false }),
      ])
    }
    expect((await stored('partners', unclaimed, true)).name ?? null).toBeNull()
  })

  test('an editor pre-translates any open task; a source with formatting a plain match cannot carry is skipped', async () => {
    const id = await taskId('partners', unclaimed)
    const { body } = await preTranslate(editor, { tasks: [id] })
    expect(reportOf(body, id)).toMatchObject({
      filled: [{ field: 'name', origin: 'memory-101' }],
      skipped: [{ field: 'description', reason: 'formatting' }],
      written: true,
    })
    expect((await stored('partners', unclaimed, true)).name).toBe('Outreachteam Noord')
    expect((await taskOf(testHost.payload, 'partners', unclaimed, 'nl')).status).toBe('untranslated')
  })

  test.each([
    ['no body', undefined],
    ['no tasks', {}],
    ['an empty list', { tasks: [] }],
    ['the same task twice', { tasks: [1, 1] }],
    ['an object as id', { tasks: [{ id: 1 }] }],
    ['machineTranslation not a boolean', { machineTranslation: 'yes', tasks: [1] }],
  ])('%s: 400 with the expected body, nothing written', async (_, body) => {
    const { body: answer, status } = await preTranslate(translatorNl, body)
    expect(status).toBe(400)
    expect(answer.errors?.[0]?.message).toContain('"tasks": [ids]')
  })

  test('anonymous: 403', async () => {
    expect((await preTranslate(undefined, { tasks: [await taskId('partners', memoryFilled)] })).status).toBe(403)
  })
})

describe('with machine translation', () => {
  test('machine fills are marked machine; never-send fields stay empty and never reach the provider', async () => {
    standIns.requests.length = 0
    const ids = [await taskId('partners', halfTranslated), await taskId('training-modules', module)]
    const { body, status } = await preTranslate(translatorNl, { machineTranslation: true, tasks: ids })
    expect(status).toBe(200)
    expect(reportOf(body, ids[0]!)).toMatchObject({ filled: [{ field: 'description', origin: 'machine:LibreTranslate' }], written: true })
    const moduleReport = reportOf(body, ids[1]!)
    expect(moduleReport.filled.map((fill) => [fill.field, fill.origin])).toEqual([
      ['title', 'machine:LibreTranslate'],
      ['content', 'machine:LibreTranslate'],
    ])
    expect(moduleReport.skipped).toEqual([expect.objectContaining({ field: 'trainerNotes', reason: 'never-send' })])
    expect(standIns.requests.length).toBeGreaterThan(0)
    expect(standIns.requests.map((request) => request.body).join('\n')).not.toContain('Dover')
    const draft = await stored('training-modules', module, true)
    expect(draft.trainerNotes ?? null).toBeNull()
    expect(text(draft.content)).toContain('forced labour')
    // The published Dutch name and the empty published description are as they were.
    const published = await stored('partners', halfTranslated, false)
    expect(published.name).toBe('Juridisch loket')
    expect(published.description ?? null).toBeNull()
    expect((await taskOf(testHost.payload, 'training-modules', module, 'nl')).status).toBe('in-progress')
  })

  test('a locale without a provider: the fields stay empty, reported machine-off', async () => {
    const id = await taskId('partners', halfTranslated, 'sv')
    const { body } = await preTranslate(editor, { machineTranslation: true, tasks: [id] })
    expect(reportOf(body, id)).toMatchObject({
      filled: [],
      skipped: [
        { field: 'name', reason: 'machine-off' },
        { field: 'description', reason: 'machine-off' },
      ],
      written: false,
    })
  })

  test('a provider error leaves the fields empty with the reason and does not stop the run', async () => {
    const fresh = (await createPartner(testHost.payload, { name: 'Night Shelter East', slug: 'pt-5' })).id
    const id = await taskId('partners', fresh)
    standIns.failWith('libretranslate', { status: 503 })
    try {
      const { body, status } = await preTranslate(editor, { machineTranslation: true, tasks: [id] })
      expect(status).toBe(200)
      expect(reportOf(body, id)).toMatchObject({ filled: [], skipped: [{ field: 'name', reason: 'provider-error' }], written: false })
    } finally {
      standIns.failWith('libretranslate')
    }
    expect((await stored('partners', fresh, true)).name ?? null).toBeNull()
  })
})
