/**
 * QA before submit: the workflow's submit runs the checks this plugin registers, and a QA error
 * (an untranslated field, a changed phone number, a forbidden term) refuses the submit over REST
 * and GraphQL alike, leaving the task as it was. Warnings show in the report and never block.
 */
import { paragraphs } from '@/lib/richText'

import type { AuthMode, TestHost } from '../helpers/host'

import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'
import { createPhaseOverRest, type Task, taskOf, transition } from '../translation-workflow/shared'

type Finding = { check: string; level: string; text: string; unit: string }
type Refusal = { data?: { findings: Finding[] }; message: string }

let testHost: TestHost
let translatorNl: AuthMode
let id: number | string
let task: Task
let rowId: string

/** The Dutch translation of every field; each case spoils one of them. */
const complete = () => ({
  objectives: [{ id: rowId, objective: 'Ken de signalen' }],
  summary: paragraphs('Elk slachtoffer wordt binnen 24 uur doorverwezen.'),
  title: 'Bel +31 20 555 1234',
})

const translate = async (data: Record<string, unknown>) => {
  const { status } = await testHost.client.json('PATCH', `/api/phases/${id}?locale=nl`, { auth: translatorNl, body: data })
  expect(status).toBe(200)
}

const storedTask = async () => {
  const { status, submittedAt } = (await testHost.payload.findByID({
    id: task.id,
    collection: 'translation-tasks',
    depth: 0,
  })) as unknown as {
    status: string
    submittedAt?: null | string
  }
  return { status, submittedAt: submittedAt ?? null }
}

/** Submits over REST and over GraphQL; both must be refused with the same findings, the task unchanged. */
const expectSubmitRefused = async (): Promise<Finding[]> => {
  const before = await storedTask()
  const rest = await transition(testHost, task.id, 'submit', translatorNl)
  expect(rest.status).toBe(400)
  const [restError] = (rest.body.errors ?? []) as Refusal[]
  expect(restError?.message).toMatch(/^QA found \d+ error\(s\)/)
  expect(await storedTask()).toEqual(before)

  const graphql = await testHost.client.graphql(
    `mutation ($id: String!) { submitTranslationTask(id: $id) { status } }`,
    { id: String(task.id) },
    translatorNl,
  )
  expect(graphql.data?.submitTranslationTask ?? null).toBeNull()
  expect(graphql.errors?.[0]?.message).toBe(restError?.message)
  expect(graphql.errors?.[0]?.extensions).toMatchObject({ data: { findings: restError?.data?.findings }, statusCode: 400 })
  expect(await storedTask()).toEqual(before)
  return restError?.data?.findings ?? []
}

beforeAll(async () => {
  testHost = await startTestHost()
  const { client, payload } = testHost
  await createUser(payload, ['admin'])
  const editor = await client.login(await createUser(payload, ['editor']))
  translatorNl = await client.login(await createUser(payload, ['translator'], { translatorLocales: ['nl'] }))
  id = await createPhaseOverRest(testHost, editor, {
    objectives: [{ objective: 'Know the signs' }],
    summary: paragraphs('Every victim is referred within 24 hours.'),
    title: 'Call +31 20 555 1234',
  })
  rowId = ((await payload.findByID({ id, collection: 'phases' })) as unknown as { objectives: Array<{ id: string }> }).objectives[0]!.id
  const term = await client.json('POST', '/api/glossary-terms', {
    auth: editor,
    body: { approvedTranslation: 'slachtoffer', forbidden: [{ variant: 'prostituee' }], locale: 'nl', term: 'victim' },
  })
  expect(term.status).toBe(201)
  task = await taskOf(payload, 'phases', id, 'nl')
  expect((await transition(testHost, task.id, 'claim', translatorNl)).status).toBe(200)
})

afterAll(async () => {
  await testHost.stop()
})

describe('QA errors refuse a submit; nothing changes', () => {
  test('an untranslated field: the summary and the objective are still empty', async () => {
    await translate({ title: complete().title })
    const findings = await expectSubmitRefused()
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ check: 'emptyTarget', level: 'error', unit: 'summary' }),
        expect.objectContaining({ check: 'emptyTarget', level: 'error', unit: `objectives.${rowId}.objective` }),
      ]),
    )
    expect(findings.filter((finding) => finding.level === 'error')).toHaveLength(2)
  })

  test('a changed phone number', async () => {
    await translate({ ...complete(), title: 'Bel +31 20 555 1235' })
    const findings = await expectSubmitRefused()
    expect(findings).toContainEqual(expect.objectContaining({ check: 'phone', level: 'error', unit: 'title' }))
  })

  test('a forbidden glossary term', async () => {
    await translate({ ...complete(), summary: paragraphs('Elke prostituee wordt binnen 24 uur doorverwezen.') })
    const findings = await expectSubmitRefused()
    expect(findings).toContainEqual(
      expect.objectContaining({ check: 'forbiddenTerm', level: 'error', text: 'prostituee', unit: 'summary' }),
    )
  })
})

describe('once fixed, the submit goes through', () => {
  test('warnings alone (the glossary term not used, a double space) do not block', async () => {
    await translate({
      ...complete(),
      objectives: [{ id: rowId, objective: 'Ken  de signalen' }],
      summary: paragraphs('Elke getroffen persoon wordt binnen 24 uur doorverwezen.'),
    })
    const report = await testHost.client.json<{ blocksSubmission: boolean; findings: Finding[] }>(
      'GET',
      `/api/translation-interchange/qa?task=${task.id}`,
      { auth: translatorNl },
    )
    expect(report.body.blocksSubmission).toBe(false)
    expect(report.body.findings.map(({ check, level }) => ({ check, level }))).toEqual(
      expect.arrayContaining([
        { check: 'missingTerm', level: 'warning' },
        { check: 'doubleSpace', level: 'warning' },
      ]),
    )
    const submitted = await transition(testHost, task.id, 'submit', translatorNl)
    expect(submitted.status).toBe(200)
    expect(submitted.body.doc.status).toBe('in-review')
    expect((await storedTask()).submittedAt).toEqual(expect.any(String))
  })
})
