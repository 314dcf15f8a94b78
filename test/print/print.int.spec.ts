/**
 * Print editions through the real paths: content written over REST and the Local API, the worker's
 * job run as the worker runs it, the PDFs read back with poppler (pdftotext, pdfinfo) as a print
 * shop would, and the editions offered to external sites over REST, GraphQL and the file route.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { paragraphs } from '@/lib/richText'
import { runJobsUntilIdle } from '@/lib/runJobsUntilIdle'

import type { TestHost } from '../helpers/host'

import { createHotline, createModule, createPhase, releasePhase } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'

type Id = number | string
type Print = { fallback: boolean; locale: string; pages: number; status: string; url: null | string; version: string } | null
type Edition = {
  id: Id
  leftOut?: { label: string; reason: string }[]
  locale: string
  pages?: number
  problem?: string
  status: string
  version?: string
}

let testHost: TestHost
let editor: { token: string }
let translator: { token: string }
let releasedPhase: Id
let workDir: string

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString()
const verified = { intervalDays: 180, lastVerifiedAt: daysAgo(10) }

beforeAll(async () => {
  testHost = await startTestHost()
  editor = await testHost.client.login(await createUser(testHost.payload, ['editor']))
  translator = await testHost.client.login(await createUser(testHost.payload, ['translator'], { translatorLocales: ['hu'] }))
  releasedPhase = (await createPhase(testHost.payload, { number: 2, title: 'Released phase' })).id
  await releasePhase(testHost.payload, releasedPhase)
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jec-print-'))
})

afterAll(async () => {
  fs.rmSync(workDir, { force: true, recursive: true })
  await testHost.stop()
})

beforeEach(async () => {
  for (const collection of ['deliverables', 'hotlines', 'training-modules', 'payload-jobs'] as const) {
    await testHost.payload.delete({ collection, overrideAccess: true, where: {} })
  }
})

/** Runs the queue as the worker does until nothing is left to run. */
const runWorker = () => runJobsUntilIdle(testHost.payload, { limit: 20, maxRuns: 10 })

async function editionsOf(deliverable: Id): Promise<Edition[]> {
  const { docs } = await testHost.payload.find({
    collection: 'print-editions',
    depth: 0,
    overrideAccess: true,
    sort: 'locale',
    where: { deliverable: { equals: deliverable } },
  })
  return docs as unknown as Edition[]
}

/** A file as an anonymous site downloads it. */
async function download(url: string) {
  const response = await fetch(new URL(new URL(url, testHost.baseUrl).pathname, testHost.baseUrl))
  return { type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()), status: response.status }
}

function pdfText(pdf: Buffer, pages?: { first: number; last: number }): string {
  const file = path.join(workDir, `print-${Date.now()}-${Math.random()}.pdf`)
  fs.writeFileSync(file, pdf)
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : []
  return execFileSync('pdftotext', [...range, '-layout', file, '-']).toString('utf8')
}

function pdfInfo(pdf: Buffer): { pages: number; size: string } {
  const file = path.join(workDir, `info-${Date.now()}-${Math.random()}.pdf`)
  fs.writeFileSync(file, pdf)
  const info = execFileSync('pdfinfo', [file]).toString('utf8')
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]), size: /^Page size:\s+(.+)$/m.exec(info)?.[1] ?? '' }
}

async function publicPrint(deliverable: Id, locale: string): Promise<Print> {
  const { body, status } = await testHost.client.json<{ print: Print }>('GET', `/api/deliverables/${deliverable}?locale=${locale}&depth=0`)
  expect(status).toBe(200)
  return body.print
}

async function pocketCard(data: Record<string, unknown> = {}) {
  const card = await testHost.payload.create({
    collection: 'deliverables',
    data: {
      type: 'pocket-card',
      _status: 'published',
      indicators: [{ indicator: 'Has no control over their passport' }, { indicator: 'Owes a debt they cannot pay back' }],
      phase: releasedPhase,
      printCountry: 'RO',
      title: 'Indicators of trafficking',
      ...data,
    } as never,
    locale: 'en',
    overrideAccess: true,
  })
  return card as unknown as { id: Id; indicators: { id: string }[] }
}

/** The Hungarian translation of the card's title and first indicator only: the second stays English. */
async function translateToHungarian(card: { id: Id; indicators: { id: string }[] }) {
  await testHost.payload.update({
    id: card.id,
    collection: 'deliverables',
    data: {
      indicators: [{ id: card.indicators[0].id, indicator: 'Nem rendelkezik az útlevele felett ő ű' }, { id: card.indicators[1].id }],
      title: 'Az emberkereskedelem jelei',
    } as never,
    locale: 'hu',
    overrideAccess: true,
  })
}

describe('pocket card', () => {
  test('prints the released card per translated locale, with only verified numbers that are not overdue', async () => {
    await createHotline(testHost.payload, { name: 'Romanian trafficking line', country: 'RO', phone: '0800 800 678', verification: verified })
    await createHotline(testHost.payload, { name: 'Unverified Romanian line', country: 'RO', phone: '+40212000000' })
    await createHotline(testHost.payload, {
      name: 'Overdue Romanian line',
      country: 'RO',
      phone: '+40213000000',
      verification: { intervalDays: 30, lastVerifiedAt: daysAgo(60) },
    })
    await createHotline(testHost.payload, { name: 'Victims of crime', country: 'EU', phone: '116006', verification: verified })
    await createHotline(testHost.payload, { name: 'Belgian line', country: 'BE', phone: '+3232011690', verification: verified })
    const card = await pocketCard()
    await translateToHungarian(card)
    await runWorker()

    const editions = await editionsOf(card.id)
    // Only English and the one translation: other languages fall back to the English card.
    expect(editions.map(({ locale, status }) => [locale, status])).toEqual([
      ['en', 'current'],
      ['hu', 'current'],
    ])
    expect(editions[0].leftOut?.map(({ reason }) => reason).sort()).toEqual(['never verified', 'verification overdue'])

    const english = await publicPrint(card.id, 'en')
    expect(english).toMatchObject({ fallback: false, locale: 'en', pages: 2, status: 'current', version: editions[0].version })
    const file = await download(english!.url!)
    expect(file.status).toBe(200)
    expect(file.type).toBe('application/pdf')
    // A7 trim, 74 × 105 mm.
    expect(pdfInfo(file.bytes)).toEqual({ pages: 2, size: expect.stringMatching(/^209\.\d+ x 297\.\d+ pts/) })
    const text = pdfText(file.bytes)
    expect(text).toContain('Has no control over their passport')
    expect(text).toContain('Romanian trafficking line')
    expect(text).toContain('Victims of crime')
    expect(text).toContain(editions[0].version)
    for (const absent of ['Unverified Romanian line', 'Overdue Romanian line', 'Belgian line', '212 000 000', '213 000 000']) {
      expect(text).not.toContain(absent)
    }

    const hungarian = await publicPrint(card.id, 'hu')
    expect(hungarian).toMatchObject({ fallback: false, locale: 'hu' })
    const hungarianText = pdfText((await download(hungarian!.url!)).bytes)
    expect(hungarianText).toContain('Nem rendelkezik az útlevele felett ő ű')
    // The untranslated indicator is printed in English and marked as such.
    expect(hungarianText).toContain('Owes a debt they cannot pay back')
    expect(hungarianText).toMatch(/EN/)

    // Not translated into Romanian: the site is offered the English card, and told so.
    expect(await publicPrint(card.id, 'ro')).toMatchObject({ fallback: true, locale: 'en', version: editions[0].version })
  })

  test('a corrected number makes the card stale before the response returns, and the worker replaces it', async () => {
    const hotline = await createHotline(testHost.payload, {
      name: 'Romanian trafficking line',
      country: 'RO',
      phone: '+40800800678',
      verification: verified,
    })
    const card = await pocketCard()
    await runWorker()
    const before = await publicPrint(card.id, 'en')
    expect(before?.status).toBe('current')

    const corrected = await testHost.client.json('PATCH', `/api/hotlines/${hotline.id}`, { auth: editor, body: { phone: '+40800800999' } })
    expect(corrected.status).toBe(200)
    // Withheld at once: neither the deliverable nor the file route gives the old card to anyone outside.
    expect(await publicPrint(card.id, 'en')).toBeNull()
    expect((await download(before!.url!)).status).toBe(404)
    const [stale] = await editionsOf(card.id)
    expect(stale.status).toBe('stale')

    await runWorker()
    const after = await publicPrint(card.id, 'en')
    expect(after).toMatchObject({ status: 'current' })
    expect(after!.version).not.toBe(before!.version)
    const text = pdfText((await download(after!.url!)).bytes)
    expect(text).toContain('800 800 999')
    expect(text).not.toContain('800 800 678')
    // The replaced file is gone, not just hidden.
    const { totalDocs } = await testHost.payload.count({ collection: 'print-files', overrideAccess: true })
    expect(totalDocs).toBe(2)
  })

  test('a write that does not change the printed content confirms the edition without rendering it again', async () => {
    const card = await pocketCard()
    await runWorker()
    const [first] = await editionsOf(card.id)
    await testHost.payload.update({ id: card.id, collection: 'deliverables', data: { dueDate: '2027-01-01' } as never, overrideAccess: true })
    expect((await editionsOf(card.id))[0].status).toBe('stale')
    await runWorker()
    const [confirmed] = await editionsOf(card.id)
    expect(confirmed).toMatchObject({ status: 'current', version: first.version })
    expect((confirmed as unknown as { pdf: Id }).pdf).toBe((first as unknown as { pdf: Id }).pdf)
  })

  test('a card whose text cannot fit is reported to the editors and offers nothing', async () => {
    const long = 'An indicator written far too long for a card carried in a pocket at a border checkpoint, repeated. '.repeat(2).slice(0, 200)
    const card = await pocketCard({ indicators: Array.from({ length: 40 }, () => ({ indicator: long })) })
    await runWorker()
    const [edition] = await editionsOf(card.id)
    expect(edition.status).toBe('failed')
    expect(edition.problem).toMatch(/fit/i)
    expect(await publicPrint(card.id, 'en')).toBeNull()
    // Anonymous readers see neither the failed edition nor why it failed.
    const { body } = await testHost.client.json<{ docs: unknown[] }>('GET', '/api/print-editions')
    expect(body.docs).toEqual([])
  })

  test('unpublishing the card withdraws every edition and its files', async () => {
    const card = await pocketCard()
    await runWorker()
    const url = (await publicPrint(card.id, 'en'))!.url!
    await testHost.payload.update({ id: card.id, collection: 'deliverables', data: { _status: 'draft' } as never, overrideAccess: true })
    expect((await download(url)).status).toBe(404)
    await runWorker()
    expect(await editionsOf(card.id)).toEqual([])
    expect((await testHost.payload.count({ collection: 'print-files', overrideAccess: true })).totalDocs).toBe(0)
  })

  test('content of a phase the gate has not released is never printed', async () => {
    const unreleased = await createPhase(testHost.payload, { number: 3, title: 'Under review' })
    const card = await pocketCard({ phase: unreleased.id })
    await runWorker()
    expect(await editionsOf(card.id)).toEqual([])
    // The gate's decision alone (a write to the gate, not to the phase) queues the print.
    await releasePhase(testHost.payload, unreleased.id)
    await runWorker()
    expect((await editionsOf(card.id)).map(({ status }) => status)).toEqual(['current'])
  })

  test('once a printed number falls due for re-verification the edition is withheld, without any write', async () => {
    await createHotline(testHost.payload, { name: 'Romanian trafficking line', country: 'RO', phone: '+40800800678', verification: verified })
    const card = await pocketCard()
    await runWorker()
    const [edition] = await editionsOf(card.id)
    expect(edition.status).toBe('current')
    // As if the interval had passed: validUntil is the moment the printed number falls overdue.
    await testHost.payload.update({ id: edition.id, collection: 'print-editions', data: { validUntil: daysAgo(1) } as never, overrideAccess: true })
    await testHost.payload.update({ collection: 'print-files', data: { validUntil: daysAgo(1) } as never, overrideAccess: true, where: {} })
    expect(await publicPrint(card.id, 'en')).toBeNull()
    const staff = await testHost.client.json<{ docs: Edition[] }>('GET', `/api/print-editions?where[deliverable][equals]=${card.id}`, {
      auth: editor,
    })
    expect(staff.body.docs.map(({ status }) => status)).toEqual(['stale'])
    // The worker has a check waiting for that moment.
    const { docs } = await testHost.payload.find({ collection: 'payload-jobs', overrideAccess: true, where: { waitUntil: { exists: true } } })
    expect(docs.length).toBeGreaterThan(0)
  })
})

describe('manual and hotline directory', () => {
  test('the manual prints its released modules in order with a table of contents, and reports the others', async () => {
    const first = await createModule(testHost.payload, {
      code: 'M1',
      content: paragraphs('Trafficking in human beings is a serious crime.'),
      phase: releasedPhase,
      title: 'Forms and law',
    })
    const second = await createModule(testHost.payload, {
      code: 'M2',
      learningObjectives: [{ objective: 'Recognise indicators' }],
      phase: releasedPhase,
      title: 'Identifying victims',
    })
    const draft = await createModule(testHost.payload, { _status: 'draft', code: 'M3', title: 'Still being written' })
    const manual = await testHost.payload.create({
      collection: 'deliverables',
      data: {
        type: 'practitioners-manual',
        _status: 'published',
        description: paragraphs('How practitioners assist victims.'),
        phase: releasedPhase,
        title: 'Manual for practitioners',
        trainingModules: [second.id, draft.id, first.id],
      } as never,
      overrideAccess: true,
    })
    await runWorker()
    const [edition] = await editionsOf(manual.id)
    expect(edition).toMatchObject({ locale: 'en', status: 'current' })
    expect(edition.leftOut).toEqual([expect.objectContaining({ label: 'M3 Still being written', reason: expect.stringMatching(/not published/) })])
    const print = await publicPrint(manual.id, 'en')
    const pdf = (await download(print!.url!)).bytes
    const info = pdfInfo(pdf)
    expect(info.size).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/)
    const text = pdfText(pdf)
    expect(text).not.toContain('Still being written')
    // The editor's order: M2 before M1.
    expect(text.indexOf('Identifying victims')).toBeLessThan(text.lastIndexOf('Forms and law'))
    expect(text).toContain('Recognise indicators')
    expect(text).toContain('Trafficking in human beings is a serious crime.')

    // Editing a module the manual prints makes it stale.
    await testHost.payload.update({
      id: first.id,
      collection: 'training-modules',
      data: { title: 'Forms of exploitation and the law' } as never,
      overrideAccess: true,
    })
    expect((await editionsOf(manual.id))[0].status).toBe('stale')
    await runWorker()
    expect(pdfText((await download((await publicPrint(manual.id, 'en'))!.url!)).bytes)).toContain('Forms of exploitation and the law')
  })

  test('the directory lists verified numbers by country, EU-wide first, and leaves out the others', async () => {
    await createHotline(testHost.payload, { name: 'Romanian trafficking line', country: 'RO', phone: '+40800800678', verification: verified })
    await createHotline(testHost.payload, {
      name: 'Belgian line',
      availability: { alwaysOpen: true },
      country: 'BE',
      phone: '+3232011690',
      verification: verified,
    })
    await createHotline(testHost.payload, { name: 'Victims of crime', country: 'EU', phone: '116006', verification: verified })
    await createHotline(testHost.payload, { name: 'Unverified line', country: 'BE', phone: '+3232000000' })
    const directory = await testHost.payload.create({
      collection: 'deliverables',
      data: { type: 'hotline-directory', _status: 'published', phase: releasedPhase, title: 'Directory of hotlines' } as never,
      overrideAccess: true,
    })
    await runWorker()
    const text = pdfText((await download((await publicPrint(directory.id, 'en'))!.url!)).bytes)
    expect(text.indexOf('Victims of crime')).toBeLessThan(text.indexOf('Belgian line'))
    expect(text.indexOf('Belgium')).toBeLessThan(text.indexOf('Romania'))
    expect(text).toContain('24/7')
    expect(text).not.toContain('Unverified line')

    // A new number of any country joins the directory.
    await createHotline(testHost.payload, { name: 'Hungarian line', country: 'HU', phone: '+3680200000', verification: verified })
    expect((await editionsOf(directory.id))[0].status).toBe('stale')
    await runWorker()
    expect(pdfText((await download((await publicPrint(directory.id, 'en'))!.url!)).bytes)).toContain('Hungarian line')
  })
})

describe('delivery and access', () => {
  test('GraphQL offers the edition in the asked locale, falling back to English like every field', async () => {
    const card = await pocketCard()
    await translateToHungarian(card)
    await runWorker()
    const query = `query ($id: Int!, $locale: LocaleInputType) { Deliverable(id: $id, locale: $locale) { title print { locale fallback status version url } } }`
    const id = typeof card.id === 'number' ? card.id : Number.NaN
    if (Number.isNaN(id)) {
      // MongoDB ids are strings; the GraphQL id type follows the database.
      const stringQuery = query.replace('$id: Int!', '$id: String!')
      const { data } = await testHost.client.graphql<{ Deliverable: { print: Print } }>(stringQuery, { id: card.id, locale: 'ro' })
      expect(data?.Deliverable.print).toMatchObject({ fallback: true, locale: 'en', status: 'current' })
      return
    }
    const hu = await testHost.client.graphql<{ Deliverable: { print: Print; title: string } }>(query, { id, locale: 'hu' })
    expect(hu.errors).toBeUndefined()
    expect(hu.data?.Deliverable).toMatchObject({ print: { fallback: false, locale: 'hu', status: 'current' }, title: 'Az emberkereskedelem jelei' })
    const ro = await testHost.client.graphql<{ Deliverable: { print: Print } }>(query, { id, locale: 'ro' })
    expect(ro.data?.Deliverable.print).toMatchObject({ fallback: true, locale: 'en' })
  })

  test('only editors ask for a render; nobody writes editions or files over the API; reports are staff-only', async () => {
    await createHotline(testHost.payload, { name: 'Unverified line', country: 'RO', phone: '+40212000000' })
    const card = await pocketCard()
    await runWorker()
    const regenerate = (auth?: { token: string }) =>
      testHost.client.json('POST', '/api/print-editions/regenerate', { auth, body: { deliverable: card.id } })
    expect((await regenerate()).status).toBe(403)
    expect((await regenerate(translator)).status).toBe(403)
    expect((await regenerate(editor)).status).toBe(202)
    expect((await editionsOf(card.id))[0].status).toBe('stale')
    await runWorker()
    const [edition] = await editionsOf(card.id)
    expect(edition.status).toBe('current')

    for (const [method, route] of [
      ['PATCH', `/api/print-editions/${edition.id}`],
      ['DELETE', `/api/print-editions/${edition.id}`],
      ['POST', '/api/print-editions'],
    ] as const) {
      expect((await testHost.client.json(method, route, { auth: editor, body: { status: 'current' } })).status).toBe(403)
    }
    const anonymous = await testHost.client.json<{ docs: Record<string, unknown>[] }>(
      'GET',
      `/api/print-editions?where[deliverable][equals]=${card.id}`,
    )
    expect(anonymous.body.docs).toHaveLength(1)
    for (const staffOnly of ['leftOut', 'problem', 'dependsOn', 'generation', 'renderMs']) {
      expect(anonymous.body.docs[0]).not.toHaveProperty(staffOnly)
    }
    expect(JSON.stringify(anonymous.body)).not.toContain('Unverified line')
  })
})
