import { QA_CHECKS } from '@plugins/translation-interchange/utilities/qa'

/**
 * Every QA check, end to end: an editor sets its severity in the `translation-settings` global over
 * REST, a translator saves a translation that trips that check alone and submits through the
 * workflow's transition endpoint. At `error` the submit is refused naming the check and the field,
 * the task stays where it was and the translation stays saved; at `warning` the QA report shows it
 * and the submit goes through; `off` lets it through unreported; a clean translation then submits.
 * An XLIFF import is refused by the same setting.
 */
import type { TranslationTask } from '@/payload-types'

import type { AuthMode, TestHost } from '../helpers/host'

import { createHotline } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'
import { createPhaseOverRest, taskOf, transition } from '../translation-workflow/shared'
import { exportXliff, importXliff, translateAll } from './shared'

type Finding = { check: string; checkLabel: string; field: string; level: string; message: string; unit: string }
type Refusal = { data?: { findings: Finding[] }; message: string }
type Id = number | string
type Document = { collection: 'hotlines' | 'phases'; id: Id; task: Id }

const SETTINGS = '/api/globals/translation-settings'

let testHost: TestHost
let editor: AuthMode
let translatorNl: AuthMode
let phase: Document
let hotline: Document
let rowId: string

/** Rich text of one paragraph; `{ link, text }` parts are links, `{ bold }` bold text. */
const paragraph = (...parts: Array<{ bold: string } | { link: string; text: string } | string>) => {
  const text = (value: string, format = 0) => ({ type: 'text', detail: 0, format, mode: 'normal', style: '', text: value, version: 1 })
  const children = parts.map((part) =>
    typeof part === 'string'
      ? text(part)
      : 'bold' in part
        ? text(part.bold, 1)
        : {
            type: 'link',
            children: [text(part.text)],
            direction: 'ltr',
            fields: { linkType: 'custom', newTab: false, url: part.link },
            format: '',
            indent: 0,
            version: 3,
          },
  )
  return {
    root: {
      type: 'root',
      children: [{ type: 'paragraph', children, direction: 'ltr', format: '', indent: 0, textFormat: 0, version: 1 }],
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
    },
  }
}

const GUIDE = 'https://example.org/guide?lang=en'

/** A Dutch translation of every field that no check finds fault with; each case spoils one field. */
const complete = (document: Document): Record<string, unknown> =>
  document.collection === 'phases'
    ? {
        objectives: [{ id: rowId, objective: 'Ken de signalen' }],
        summary: paragraph('Elk slachtoffer wordt binnen 24 uur doorverwezen. Lees ', { link: GUIDE, text: 'de gids' }, '.'),
        title: 'Bel +31 20 555 1234',
      }
    : {
        name: 'Nationale hulplijn mensenhandel',
        notes: 'Elke dag open. Schrijf naar help@example.org of zie https://example.org/help. Vraag naar {name}.',
      }

type Case = { check: string; document: () => Document; spoil: () => Record<string, unknown>; unit: () => string }

const onPhase = (unit: string, spoil: () => Record<string, unknown>) => ({ document: () => phase, spoil, unit: () => unit })
const onHotline = (unit: string, spoil: () => Record<string, unknown>) => ({ document: () => hotline, spoil, unit: () => unit })
// The objective's row id is known once the phase exists.
const onObjective = (text: string) => ({
  document: () => phase,
  spoil: () => ({ objectives: [{ id: rowId, objective: text }] }),
  unit: () => `objectives.${rowId}.objective`,
})

const CASES: Case[] = [
  { check: 'emptyTarget', ...onPhase('summary', () => ({ summary: null })) },
  {
    check: 'inlineTags',
    ...onPhase('summary', () => ({
      summary: paragraph({ bold: 'Elk slachtoffer' }, ' wordt binnen 24 uur doorverwezen. Lees ', { link: GUIDE, text: 'de gids' }, '.'),
    })),
  },
  {
    check: 'url',
    ...onHotline('notes', () => ({ notes: 'Elke dag open. Schrijf naar help@example.org of zie https://example.org/hulp. Vraag naar {name}.' })),
  },
  {
    check: 'email',
    ...onHotline('notes', () => ({ notes: 'Elke dag open. Schrijf naar hulp@example.org of zie https://example.org/help. Vraag naar {name}.' })),
  },
  { check: 'phone', ...onPhase('title', () => ({ title: 'Bel +31 20 555 1235' })) },
  {
    check: 'placeholder',
    ...onHotline('notes', () => ({ notes: 'Elke dag open. Schrijf naar help@example.org of zie https://example.org/help. Vraag naar {naam}.' })),
  },
  {
    check: 'number',
    ...onPhase('summary', () => ({
      summary: paragraph('Elk slachtoffer wordt binnen 48 uur doorverwezen. Lees ', { link: GUIDE, text: 'de gids' }, '.'),
    })),
  },
  {
    check: 'forbiddenTerm',
    ...onPhase('summary', () => ({
      summary: paragraph('Elk slachtoffer, ook een prostituee, wordt binnen 24 uur doorverwezen. Lees ', { link: GUIDE, text: 'de gids' }, '.'),
    })),
  },
  {
    check: 'missingTerm',
    ...onPhase('summary', () => ({
      summary: paragraph('Elke getroffen persoon wordt binnen 24 uur doorverwezen. Lees ', { link: GUIDE, text: 'de gids' }, '.'),
    })),
  },
  { check: 'lengthRatio', ...onHotline('name', () => ({ name: 'Lijn' })) },
  { check: 'whitespace', ...onObjective('Ken de signalen ') },
  { check: 'doubleSpace', ...onObjective('Ken  de signalen') },
  { check: 'endPunctuation', ...onObjective('Ken de signalen.') },
  { check: 'unchanged', ...onObjective('Know the signs') },
  // 67 characters where the pocket card and the widget take 60 (custom.maxTranslationLength).
  { check: 'maxLength', ...onHotline('name', () => ({ name: 'Nationale hulplijn voor slachtoffers van mensenhandel en uitbuiting' })) },
  {
    check: 'linkTargets',
    ...onPhase('summary', () => ({
      summary: paragraph('Elk slachtoffer wordt binnen 24 uur doorverwezen. Lees ', { link: 'https://example.org/guide?lang=nl', text: 'de gids' }, '.'),
    })),
  },
  {
    check: 'markdown',
    ...onHotline('notes', () => ({ notes: 'Elke dag **gratis** open. Schrijf naar help@example.org of zie https://example.org/help. Vraag naar {name}.' })),
  },
]

const setSeverity = async (check: string, severity: 'error' | 'off' | 'warning') => {
  const { body, status } = await testHost.client.json<{ result: { qa: Record<string, string> } }>('POST', SETTINGS, {
    auth: editor,
    body: { qa: { [check]: severity } },
  })
  expect(status).toBe(200)
  expect(body.result.qa[check]).toBe(severity)
}

const translate = async (document: Document, data: Record<string, unknown>) => {
  const { body, status } = await testHost.client.json('PATCH', `/api/${document.collection}/${document.id}?locale=nl`, {
    auth: translatorNl,
    body: data,
  })
  expect({ body, status }).toMatchObject({ status: 200 })
}

/** The document in Dutch as the translator reads it over REST: the draft, where their saves go, without the English fallback. */
const savedTranslation = async (document: Document) =>
  (await testHost.client.json<Record<string, unknown>>('GET', `/api/${document.collection}/${document.id}?locale=nl&fallback-locale=none&depth=0&draft=true`, { auth: translatorNl }))
    .body

const storedTask = async (document: Document) => {
  const { status, submittedAt } = (await testHost.payload.findByID({
    id: document.task,
    collection: 'translation-tasks',
    depth: 0,
  })) as TranslationTask
  return { status, submittedAt: submittedAt ?? null }
}

const qaReport = async (document: Document) =>
  (
    await testHost.client.json<{ blocksSubmission: boolean; findings: Finding[] }>('GET', `/api/translation-interchange/qa?task=${document.task}`, {
      auth: translatorNl,
    })
  ).body

const submitted = async (document: Document) => {
  const { body, status } = await transition(testHost, document.task, 'submit', translatorNl)
  expect({ body, status }).toMatchObject({ body: { doc: { status: 'in-review' } }, status: 200 })
}

/** The editor sends the task back, so the same translator can work on it again. */
const returned = async (document: Document) => {
  const { status } = await transition(testHost, document.task, 'return', editor, { comment: 'Once more, for the next check.' })
  expect(status).toBe(200)
}

beforeAll(async () => {
  testHost = await startTestHost()
  const { client, payload } = testHost
  await createUser(payload, ['admin'])
  editor = await client.login(await createUser(payload, ['editor']))
  translatorNl = await client.login(await createUser(payload, ['translator'], { translatorLocales: ['nl'] }))
  const phaseId = await createPhaseOverRest(testHost, editor, {
    objectives: [{ objective: 'Know the signs' }],
    summary: paragraph('Every victim is referred within 24 hours. Read ', { link: GUIDE, text: 'the guide' }, '.'),
    title: 'Call +31 20 555 1234',
  })
  rowId = ((await payload.findByID({ id: phaseId, collection: 'phases' })) as unknown as { objectives: Array<{ id: string }> }).objectives[0]!.id
  const line = await createHotline(payload, {
    name: 'National anti-trafficking hotline',
    country: 'NL',
    notes: 'Open every day. Write to help@example.org or see https://example.org/help. Ask for {name}.',
    phone: '+31205551234',
  })
  const term = await client.json('POST', '/api/glossary-terms', {
    auth: editor,
    body: { approvedTranslation: 'slachtoffer', forbidden: [{ variant: 'prostituee' }], locale: 'nl', term: 'victim' },
  })
  expect(term.status).toBe(201)
  phase = { id: phaseId, collection: 'phases', task: (await taskOf(payload, 'phases', phaseId, 'nl')).id }
  hotline = { id: line.id, collection: 'hotlines', task: (await taskOf(payload, 'hotlines', line.id, 'nl')).id }
  for (const document of [phase, hotline]) {
    expect((await transition(testHost, document.task, 'claim', translatorNl)).status).toBe(200)
  }
})

afterAll(async () => {
  await testHost.stop()
})

describe('the translation-settings global', () => {
  test('staff read it, editors change it; a translator may not, nor anyone outside', async () => {
    const read = await testHost.client.json<{ qa: Record<string, string> }>('GET', SETTINGS, { auth: translatorNl })
    expect(read.status).toBe(200)
    expect(read.body.qa).toMatchObject({ endPunctuation: 'warning', phone: 'error' })
    expect((await testHost.client.json('POST', SETTINGS, { auth: translatorNl, body: { qa: { phone: 'off' } } })).status).toBe(403)
    expect((await testHost.client.request('GET', SETTINGS, { auth: undefined })).status).toBe(403)
    expect((await testHost.client.json<{ qa: Record<string, string> }>('GET', SETTINGS, { auth: editor })).body.qa.phone).toBe('error')
  })

  test('a severity that does not exist is refused with 400 and changes nothing', async () => {
    const refused = await testHost.client.json<{ errors: Array<{ data?: { errors: Array<{ path: string }> } }> }>('POST', SETTINGS, {
      auth: editor,
      body: { qa: { phone: 'never' } },
    })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0]?.data?.errors[0]?.path).toBe('qa.phone')
    expect((await testHost.client.json<{ qa: Record<string, string> }>('GET', SETTINGS, { auth: editor })).body.qa.phone).toBe('error')
  })

  test('every check of the plugin has its case below', () => {
    expect(CASES.map(({ check }) => check).sort()).toEqual(Object.keys(QA_CHECKS).sort())
  })

  test('a clean translation has no finding at all', async () => {
    for (const document of [phase, hotline]) {
      await translate(document, complete(document))
      expect(await qaReport(document)).toEqual({ blocksSubmission: false, findings: [], task: document.task })
    }
  })
})

describe.each(CASES)('$check', ({ check, document: documentOf, spoil, unit: unitOf }) => {
  test('at error a submit is refused naming it and the field; the task stays, the translation is kept', async () => {
    const document = documentOf()
    const unit = unitOf()
    await setSeverity(check, 'error')
    await translate(document, { ...complete(document), ...spoil() })
    const before = await storedTask(document)
    const { body, status } = await transition(testHost, document.task, 'submit', translatorNl)
    expect(status).toBe(400)
    const [refusal] = (body.errors ?? []) as Refusal[]
    expect(refusal?.message).toMatch(/^QA found \d+ error\(s\)/)
    const findings = refusal?.data?.findings ?? []
    expect(findings.length).toBeGreaterThan(0)
    // This check alone, in this field alone: the rest of the translation is clean.
    expect(findings.map((finding) => ({ check: finding.check, level: finding.level, unit: finding.unit }))).toEqual(
      findings.map(() => ({ check, level: 'error', unit })),
    )
    expect(findings[0]).toMatchObject({ checkLabel: expect.any(String), field: expect.any(String), message: expect.any(String) })
    expect(await storedTask(document)).toEqual(before)
    expect(await savedTranslation(document)).toMatchObject(spoil())
  })

  test('at warning the QA report shows it and the submit goes through', async () => {
    const document = documentOf()
    await setSeverity(check, 'warning')
    const report = await qaReport(document)
    expect(report.blocksSubmission).toBe(false)
    expect(report.findings.map((finding) => [finding.check, finding.level, finding.unit])).toEqual(
      report.findings.map(() => [check, 'warning', unitOf()]),
    )
    expect(report.findings.length).toBeGreaterThan(0)
    await submitted(document)
    await returned(document)
  })

  test('off, it is not reported and the same translation submits', async () => {
    const document = documentOf()
    await setSeverity(check, 'off')
    expect(await qaReport(document)).toEqual({ blocksSubmission: false, findings: [], task: document.task })
    await submitted(document)
    await returned(document)
  })

  test('back at error, a clean translation of the field submits', async () => {
    const document = documentOf()
    await setSeverity(check, 'error')
    await translate(document, complete(document))
    expect((await qaReport(document)).findings).toEqual([])
    await submitted(document)
    await returned(document)
    await setSeverity(check, QA_CHECKS[check as keyof typeof QA_CHECKS].severity)
  })
})

describe('an XLIFF import is refused by the same settings', () => {
  test('ending punctuation at error refuses the file (422) and writes nothing; at warning it is imported', async () => {
    await setSeverity('endPunctuation', 'error')
    const exported = await exportXliff(testHost, translatorNl, 'locale=nl&collection=hotlines')
    expect(exported.status).toBe(200)
    const dutch: Record<string, string> = {
      // The source's name ends without punctuation; the translation adds an exclamation mark.
      'National anti-trafficking hotline': 'Nationale hulplijn mensenhandel!',
      'Open every day. Write to help@example.org or see https://example.org/help. Ask for {name}.':
        'Elke dag open. Schrijf naar help@example.org of zie https://example.org/help. Vraag naar {name}.',
    }
    // A new target for every unit, as a CAT tool writes it over the current translation the export carried.
    const xml = translateAll(exported.text.replace(/<target>[\s\S]*?<\/target>/g, ''), (text) => dutch[text] ?? text)
    const before = await savedTranslation(hotline)
    const refused = await importXliff(testHost, translatorNl, 'nl', xml)
    expect(refused.status).toBe(422)
    expect(refused.body.units).toContainEqual(
      expect.objectContaining({
        findings: [expect.objectContaining({ check: 'endPunctuation', level: 'error' })],
        problem: 'qa',
        status: 'refused',
        unit: 'name',
      }),
    )
    expect(await savedTranslation(hotline)).toEqual(before)
    await setSeverity('endPunctuation', 'warning')
    const imported = await importXliff(testHost, translatorNl, 'nl', xml)
    expect(imported.status).toBe(200)
    expect((await savedTranslation(hotline)).name).toBe('Nationale hulplijn mensenhandel!')
  })
})
