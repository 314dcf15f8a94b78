import type { Payload } from 'payload'

import type { AuthMode, TestHost } from '../helpers/host'

import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'
import { createPhaseOverRest, taskOf, transition } from '../translation-workflow/shared'
import { exportXliff, importXliff, translateAll, validateAgainst } from './shared'

const text = (value: string, format = 0) => ({ type: 'text', detail: 0, format, mode: 'normal', style: '', text: value, version: 1 })
const paragraph = (...children: object[]) => ({
  type: 'paragraph',
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  textFormat: 0,
  version: 1,
})
const summary = {
  root: {
    type: 'root',
    children: [
      paragraph(
        text('Call '),
        text('116 006', 1),
        text(' or read '),
        {
          id: '6650a1b2c3d4e5f6a7b8c9d0',
          type: 'link',
          children: [text('the referral guide', 2)],
          fields: { linkType: 'custom', newTab: true, url: 'https://example.org/guide' },
          version: 3,
        },
        text('.'),
      ),
      paragraph(text('Victims are referred within 24 hours.')),
    ],
    direction: 'ltr',
    format: '',
    indent: 0,
    version: 1,
  },
}

type Phase = { objectives: Array<{ id: string; objective: string }>; summary: typeof summary; title: string }

let testHost: TestHost
let editor: AuthMode
let translatorNl: AuthMode
let reviewerNl: AuthMode
let roundTripId: number | string
let refusalId: number | string

const stored = async (payload: Payload, id: number | string, locale: 'en' | 'nl' | 'sv') =>
  (await payload.findByID({ id, collection: 'phases', draft: true, fallbackLocale: false, locale })) as unknown as Phase

const snapshot = async (id: number | string) => ({
  en: await stored(testHost.payload, id, 'en'),
  nl: await stored(testHost.payload, id, 'nl'),
  sv: await stored(testHost.payload, id, 'sv'),
  task: (await taskOf(testHost.payload, 'phases', id, 'nl')).status,
})

const dutch = (value: string) => (value.trim() === '' ? value : `NL ${value}`)

beforeAll(async () => {
  testHost = await startTestHost()
  const { client, payload } = testHost
  await createUser(payload, ['admin'])
  editor = await client.login(await createUser(payload, ['editor']))
  translatorNl = await client.login(await createUser(payload, ['translator'], { translatorLocales: ['nl'] }))
  reviewerNl = await client.login(await createUser(payload, ['translator'], { translatorLocales: ['nl'] }))
  roundTripId = await createPhaseOverRest(testHost, editor, {
    objectives: [{ objective: 'Know the signs' }],
    summary,
    title: 'Identification',
  })
  refusalId = await createPhaseOverRest(testHost, editor, { objectives: [{ objective: 'Refer victims' }], title: 'Referral' })
  for (const id of [roundTripId, refusalId]) {
    expect((await transition(testHost, (await taskOf(payload, 'phases', id, 'nl')).id, 'claim', translatorNl)).status).toBe(200)
  }
})

afterAll(async () => {
  await testHost.stop()
})

describe('export', () => {
  test.each([
    ['2.0', 'xliff_core_2.0.xsd'],
    ['1.2', 'xliff-core-1.2-strict.xsd'],
  ] as const)('XLIFF %s of a locale validates against the OASIS schema', async (version, schema) => {
    const { type, status, text: xml } = await exportXliff(testHost, translatorNl, `locale=nl&version=${version}`)
    expect(status).toBe(200)
    expect(type).toContain('application/xliff+xml')
    expect(xml).toContain(`original="phases/${roundTripId}"`)
    const result = await validateAgainst(xml, schema)
    expect(result.errors).toEqual([])
  })

  test('one unit per localized field, rows by id, notes with context and fingerprint', async () => {
    const { text: xml } = await exportXliff(testHost, translatorNl, `locale=nl&documentId=${roundTripId}`)
    const rowId = (await stored(testHost.payload, roundTripId, 'en')).objectives[0]!.id
    expect(xml).toContain(`name="objectives.${rowId}.objective"`)
    expect(xml).toContain('<note category="collection">phases</note>')
    expect(xml).toContain('<note category="field">Objectives › Objective</note>')
    expect(xml).toMatch(/<note category="source-fingerprint">sha256:[0-9a-f]{16}<\/note>/)
    expect(xml).toContain('<pc id="f1" type="fmt" subType="xlf:b">116 006</pc>')
    expect(xml).not.toContain(`phases/${refusalId}"`)
  })

  test('an export larger than a file comes in parts, each saying which it is; a part that does not exist is 404', async () => {
    const documents = (xml: string) => [...xml.matchAll(/original="(phases\/[^"]+)"/g)].map(([, original]) => original)
    const first = await exportXliff(testHost, translatorNl, 'locale=nl&limit=1')
    expect(first.status).toBe(200)
    expect(Object.fromEntries(['x-page', 'x-total-pages', 'x-total-count'].map((name) => [name, first.headers.get(name)]))).toEqual({
      'x-page': '1',
      'x-total-count': '2',
      'x-total-pages': '2',
    })
    expect(first.headers.get('content-disposition')).toBe('attachment; filename="translation-en-nl-part-1-of-2.xliff"')
    expect(first.headers.get('link')).toBe('</api/translation-interchange/export?locale=nl&limit=1&page=2>; rel="next"')

    const second = await exportXliff(testHost, translatorNl, 'locale=nl&limit=1&page=2')
    expect(second.headers.get('link')).toBe('</api/translation-interchange/export?locale=nl&limit=1&page=1>; rel="prev"')
    // Together the parts are the whole export, each document once, in the same order.
    const whole = await exportXliff(testHost, translatorNl, 'locale=nl')
    expect(whole.headers.get('x-total-pages')).toBe('1')
    expect(whole.headers.get('link')).toBeNull()
    expect([...documents(first.text), ...documents(second.text)]).toEqual(documents(whole.text))
    expect(documents(whole.text)).toHaveLength(2)

    expect(await exportXliff(testHost, translatorNl, 'locale=nl&limit=1&page=3')).toMatchObject({ status: 404 })
    expect((await exportXliff(testHost, translatorNl, 'locale=nl&limit=1&page=3')).text).toContain(
      'This export has 2 part(s); there is no part 3.',
    )
  })

  test.each([
    ['limit=0', 'limit must be a whole number from 1 to 1000; got "0".'],
    ['limit=1001', 'limit must be a whole number from 1 to 1000; got "1001".'],
    ['page=0', 'page must be a whole number of 1 or more; got "0".'],
    ['page=1.5', 'page must be a whole number of 1 or more; got "1.5".'],
  ])('%s is refused with 400 naming the range', async (parameter, message) => {
    const refused = await exportXliff(testHost, translatorNl, `locale=nl&${parameter}`)
    expect(refused.status).toBe(400)
    expect(JSON.parse(refused.text).errors[0].message).toBe(message)
  })

  test('a translator cannot export a locale they do not hold', async () => {
    expect((await exportXliff(testHost, translatorNl, 'locale=sv')).status).toBe(403)
  })

  test('exports beyond maxParallelExports (2) wait their turn; one whose client left is never built', async () => {
    const { db } = testHost.payload
    const find = db.find
    let started = 0
    let release!: () => void
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    // An export starts by reading its tasks: hold every export there and count the reads.
    db.find = (async (...args: Parameters<typeof find>) => {
      if (args[0].collection === 'translation-tasks' && args[0].select && 'documentId' in args[0].select) {
        started += 1
        await held
      }
      return find.apply(db, args)
    }) as typeof find
    try {
      const waiting = Array.from({ length: 2 }, () => exportXliff(testHost, translatorNl, 'locale=nl'))
      await new Promise((resolve) => setTimeout(resolve, 300))
      const inSlots = started
      expect(inSlots).toBe(2)
      const leaving = new AbortController()
      const abandoned = fetch(`${testHost.baseUrl}/api/translation-interchange/export?locale=nl`, {
        headers: { authorization: `JWT ${(translatorNl as { token: string }).token}` },
        signal: leaving.signal,
      }).catch((error: Error) => error.name)
      const queued = exportXliff(testHost, translatorNl, 'locale=nl')
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(started).toBe(inSlots)
      leaving.abort()
      expect(await abandoned).toBe('AbortError')
      await new Promise((resolve) => setTimeout(resolve, 100))
      release()
      expect((await Promise.all([...waiting, queued])).map(({ status }) => status)).toEqual([200, 200, 200])
      // Three exports built, the abandoned one not: measure what one export reads, alone.
      const beforeLone = started
      expect((await exportXliff(testHost, translatorNl, 'locale=nl')).status).toBe(200)
      expect(beforeLone).toBe(3 * (started - beforeLone))
    } finally {
      db.find = find
    }
  })
})

describe('import refuses and changes nothing', () => {
  let exported: string
  let before: Awaited<ReturnType<typeof snapshot>>

  beforeAll(async () => {
    exported = (await exportXliff(testHost, translatorNl, `locale=nl&documentId=${refusalId}`)).text
  })

  beforeEach(async () => {
    before = await snapshot(refusalId)
  })

  afterEach(async () => {
    expect(await snapshot(refusalId)).toEqual(before)
  })

  const translated = () => translateAll(exported, dutch)

  test.each([
    [
      'an XXE entity',
      (xml: string) =>
        xml.replace('<xliff', '<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<xliff').replace('NL Referral', '&xxe;'),
    ],
    [
      'billion laughs',
      (xml: string) =>
        xml
          .replace(
            '<xliff',
            '<!DOCTYPE xliff [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n<xliff',
          )
          .replace('NL Referral', '&c;'),
    ],
    ['a bare DOCTYPE', (xml: string) => xml.replace('<xliff', '<!DOCTYPE xliff>\n<xliff')],
  ])('%s: 400, DOCTYPE refused', async (_, mutate) => {
    const { body, status } = await importXliff(testHost, translatorNl, 'nl', mutate(translated()))
    expect(status).toBe(400)
    expect(body.errors?.[0]?.message).toMatch(/DOCTYPE/)
  })

  test('a wrong target language: 400 naming both', async () => {
    const { body, status } = await importXliff(testHost, translatorNl, 'nl', translated().replace('trgLang="nl"', 'trgLang="sv"'))
    expect(status).toBe(400)
    expect(body.errors?.[0]?.message).toBe('The file\'s target language is "sv", not "nl".')
  })

  test('the same refusal for a file sent as a multipart form (the admin upload)', async () => {
    const form = new FormData()
    form.append('file', new Blob([translated().replace('trgLang="nl"', 'trgLang="sv"')], { type: 'application/xliff+xml' }), 'phase.xliff')
    const response = await testHost.client.request('POST', '/api/translation-interchange/import?locale=nl', {
      auth: translatorNl,
      body: form,
    })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { errors: Array<{ message: string }> }).errors[0]?.message).toMatch(/"sv", not "nl"/)
  })

  test('a locale the uploader does not hold: 403', async () => {
    const { body, status } = await importXliff(testHost, translatorNl, 'sv', translated().replace('trgLang="nl"', 'trgLang="sv"'))
    expect(status).toBe(403)
    expect(body.errors?.[0]?.message).toBe('You do not translate into "sv".')
  })

  test('a unit id from another document: 422, reported by unit id', async () => {
    const otherRow = (await stored(testHost.payload, roundTripId, 'en')).objectives[0]!.id
    const foreign = `objectives.${otherRow}.objective`
    const xml = translated().replace(/name="objectives\.[^"]+\.objective"/, `name="${foreign}"`)
    const { body, status } = await importXliff(testHost, translatorNl, 'nl', xml)
    expect(status).toBe(422)
    expect(body.units).toContainEqual(expect.objectContaining({ problem: 'unknown-unit', status: 'refused', unit: foreign }))
  })

  test('XML-level unbalanced inline tags: 400', async () => {
    const xml = translated().replace(/<\/target>/, '<pc id="x1"></target>')
    expect((await importXliff(testHost, translatorNl, 'nl', xml)).status).toBe(400)
  })

  test('a stale unit (source changed since export): 422 conflict', async () => {
    const xml = translated()
    const changed = await testHost.client.json('PATCH', `/api/phases/${refusalId}?locale=en`, {
      auth: editor,
      body: { title: 'Referral of victims' },
    })
    expect(changed.status).toBe(200)
    before = await snapshot(refusalId)
    const { body, status } = await importXliff(testHost, translatorNl, 'nl', xml)
    expect(status).toBe(422)
    expect(body.units).toContainEqual(
      expect.objectContaining({ message: expect.stringMatching(/source changed/), problem: 'stale', unit: 'title' }),
    )
    exported = (await exportXliff(testHost, translatorNl, `locale=nl&documentId=${refusalId}`)).text
  })

  test('a changed phone number and a forbidden term: QA errors name field and text', async () => {
    const term = await testHost.client.json('POST', '/api/glossary-terms', {
      auth: editor,
      body: { approvedTranslation: 'slachtoffer', forbidden: [{ variant: 'prostituee' }], locale: 'nl', term: 'victim' },
    })
    expect(term.status).toBe(201)
    const xml = translateAll(exported, (value) => (value.startsWith('Refer') ? 'Verwijs prostituees naar 116 007' : dutch(value)))
    const source = exported.replace(/(<source>Refer victims)/, '$1 to 116 006')
    const phoneChanged = translateAll(source, (value) => (value.startsWith('Refer') ? 'Verwijs de prostituee naar 116 007' : dutch(value)))
    expect(xml).toBeDefined()
    const { body, status } = await importXliff(testHost, translatorNl, 'nl', phoneChanged)
    expect(status).toBe(422)
    const findings = body.units?.flatMap((unit) => unit.findings ?? []) ?? []
    expect(findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ check: 'forbiddenTerm', level: 'error', text: 'prostituee' })]),
    )
  })

  test('a target that lost a paired tag: 422 inline-tags', async () => {
    const id = roundTripId
    const xml = translateAll((await exportXliff(testHost, translatorNl, `locale=nl&documentId=${id}`)).text, dutch).replace(
      /<target>NL Call <pc id="f1" type="fmt" subType="xlf:b">NL 116 006<\/pc>/,
      '<target>NL Call NL 116 006',
    )
    const roundTripBefore = await snapshot(id)
    const { body, status } = await importXliff(testHost, translatorNl, 'nl', xml)
    expect(status).toBe(422)
    expect(body.units).toContainEqual(
      expect.objectContaining({ findings: expect.arrayContaining([expect.objectContaining({ check: 'inlineTags', level: 'error' })]) }),
    )
    expect(body.units).toContainEqual(
      expect.objectContaining({ message: expect.stringMatching(/"f1" missing/), problem: 'inline-tags', unit: 'summary' }),
    )
    expect(await snapshot(id)).toEqual(roundTripBefore)
  })

  test('a file over the size limit: 413', async () => {
    const { status } = await importXliff(
      testHost,
      translatorNl,
      'nl',
      translated().replace('</xliff>', `<!--${'x'.repeat(5 * 1024 * 1024)}--></xliff>`),
    )
    expect(status).toBe(413)
  })

  test('a partially invalid file writes nothing, not even its valid document', async () => {
    const good = translateAll((await exportXliff(testHost, translatorNl, `locale=nl&documentId=${roundTripId}`)).text, dutch)
    const bad = translated().replace(
      /<note category="source-fingerprint">[^<]+</,
      '<note category="source-fingerprint">sha256:0000000000000000<',
    )
    const badFile = /<file [\s\S]*<\/file>/.exec(bad)![0]
    const both = good.replace('</xliff>', `${badFile}</xliff>`)
    const roundTripBefore = await snapshot(roundTripId)
    const { body, status } = await importXliff(testHost, translatorNl, 'nl', both)
    expect(status).toBe(422)
    expect(body.applied).toBe(0)
    expect(body.units?.filter((unit) => unit.status === 'refused').map((unit) => [unit.document, unit.problem])).toEqual([
      [`phases/${refusalId}`, 'stale'],
    ])
    expect(await snapshot(roundTripId)).toEqual(roundTripBefore)
  })
})

describe('round trip', () => {
  test('export → translate → import restores formatting and links exactly, as a draft sent to review', async () => {
    const exported = (await exportXliff(testHost, translatorNl, `locale=nl&documentId=${roundTripId}`)).text
    const englishBefore = await stored(testHost.payload, roundTripId, 'en')
    const started = Date.now()
    const { body, status } = await importXliff(testHost, translatorNl, 'nl', translateAll(exported, dutch))
    expect({ body, status }).toMatchObject({ status: 200 })
    expect(body.applied).toBe(3)
    expect(body.keptInProgress).toEqual([])
    expect(Date.now() - started).toBeGreaterThanOrEqual(0)
    const nl = await stored(testHost.payload, roundTripId, 'nl')
    expect(nl.title).toBe('NL Identification')
    expect(nl.objectives[0]!.objective).toBe('NL Know the signs')
    const expected = structuredClone(summary)
    const visit = (node: Record<string, unknown>) => {
      if (typeof node.text === 'string') {
        node.text = dutch(node.text)
      }
      ;(node.children as Array<Record<string, unknown>> | undefined)?.forEach(visit)
    }
    visit(expected.root as unknown as Record<string, unknown>)
    expect(nl.summary).toEqual(expected)
    // The translator's write is a new draft of the document; its English content is untouched.
    const english = await stored(testHost.payload, roundTripId, 'en')
    expect([english.title, english.summary, english.objectives]).toEqual([
      englishBefore.title,
      englishBefore.summary,
      englishBefore.objectives,
    ])
    expect((await taskOf(testHost.payload, 'phases', roundTripId, 'nl')).status).toBe('in-review')
    const qa = await testHost.client.json<{ blocksSubmission: boolean; findings: unknown[] }>(
      'GET',
      `/api/translation-interchange/qa?task=${(await taskOf(testHost.payload, 'phases', roundTripId, 'nl')).id}`,
      { auth: translatorNl },
    )
    expect(qa.body.blocksSubmission).toBe(false)
    const anonymous = await testHost.client.json<Phase>('GET', `/api/phases/${roundTripId}?locale=nl`)
    expect(anonymous.body.title).not.toBe('NL Identification')
  })

  test('the same file again: the task is no longer open to the translator, nothing changes', async () => {
    const exported = (await exportXliff(testHost, translatorNl, `locale=nl&documentId=${roundTripId}`)).text
    const before = await snapshot(roundTripId)
    const { body, status } = await importXliff(
      testHost,
      translatorNl,
      'nl',
      translateAll(exported.replace(/<target>[\s\S]*?<\/target>/g, ''), (value) => `${value}!`),
    )
    expect(status).toBe(422)
    expect(body.units).toEqual([expect.objectContaining({ problem: 'task-not-held', unit: '*' })])
    expect(await snapshot(roundTripId)).toEqual(before)
  })
})

describe('an import does not send a task to review that its submit would be refused', () => {
  test('a file that leaves a field untranslated: written, but the task stays in progress', async () => {
    const exported = (await exportXliff(testHost, translatorNl, `locale=nl&documentId=${refusalId}`)).text
    const titleOnly = translateAll(exported, (value) => (value.startsWith('Referral') ? dutch(value) : ''))
    const { body, status } = await importXliff(testHost, translatorNl, 'nl', titleOnly)
    expect(status).toBe(200)
    expect(body.applied).toBe(1)
    expect(body.units).toContainEqual(expect.objectContaining({ status: 'skipped', unit: expect.stringMatching(/^objectives\./) }))
    expect(body.keptInProgress).toEqual([
      {
        document: `phases/${refusalId}`,
        message:
          'Written, but not sent to review: 2 QA error(s) remain. Summary: The translation is empty. Objectives › Objective: The translation is empty.',
      },
    ])
    expect((await stored(testHost.payload, refusalId, 'nl')).title).toBe('NL Referral of victims')
    expect((await taskOf(testHost.payload, 'phases', refusalId, 'nl')).status).toBe('in-progress')
  })
})

describe('translation memory', () => {
  test('approval stores the pairs; a new document gets exact (101/100) and fuzzy suggestions with scores', async () => {
    const task = await taskOf(testHost.payload, 'phases', roundTripId, 'nl')
    expect((await transition(testHost, task.id, 'approve', reviewerNl)).status).toBe(200)
    // Not in the generated types until the lead regenerates them.
    const memory = await testHost.payload.find({ collection: 'translation-memory' as never, where: { targetLocale: { equals: 'nl' } } })
    const pairs = memory.docs as unknown as Array<{ origin: string; source: string; target: string }>
    expect(pairs.map((doc) => [doc.source, doc.target, doc.origin])).toEqual(
      expect.arrayContaining([['Identification', 'NL Identification', 'approval']]),
    )
    const newId = await createPhaseOverRest(testHost, editor, {
      slug: 'identification-again',
      objectives: [{ objective: 'Know the sign' }],
      title: 'Identification',
    })
    const newTask = await taskOf(testHost.payload, 'phases', newId, 'nl')
    const { body, status } = await testHost.client.json<{
      units: Array<{ id: string; machineTranslation: unknown; memory: Array<{ score: number; target: string }> }>
    }>('GET', `/api/translation-interchange/suggestions?task=${newTask.id}`, { auth: translatorNl })
    expect(status).toBe(200)
    const title = body.units.find((unit) => unit.id === 'title')
    expect(title?.memory[0]).toMatchObject({ score: 101, target: 'NL Identification' })
    const objective = body.units.find((unit) => unit.id.startsWith('objectives.'))
    expect(objective?.memory[0]).toMatchObject({ score: 92, target: 'NL Know the signs' })
    expect(title?.machineTranslation).toBeNull()
  })

  test('TMX out and back in', async () => {
    const response = await testHost.client.request('GET', '/api/translation-interchange/memory.tmx?locale=nl', { auth: translatorNl })
    const tmx = await response.text()
    expect(response.status).toBe(200)
    expect(tmx).toContain('<seg>NL Identification</seg>')
    const refused = await testHost.client.json('POST', '/api/translation-interchange/memory.tmx?locale=nl', {
      auth: translatorNl,
      body: tmx,
      headers: { 'content-type': 'application/x-tmx+xml' },
    })
    expect(refused.status).toBe(403)
    const { body, status } = await testHost.client.json<{ imported: number }>('POST', '/api/translation-interchange/memory.tmx?locale=nl', {
      auth: editor,
      body: tmx,
      headers: { 'content-type': 'application/x-tmx+xml' },
    })
    expect(status).toBe(200)
    expect(body.imported).toBeGreaterThan(0)
  })
})
