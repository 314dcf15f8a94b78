import type { TestHost } from '../helpers/host'

import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'

let testHost: TestHost
let editor: { token: string }

type Progress = { participantsTrained: number; percentOfTarget: null | number; target: number }

const publicProgress = async () => {
  const { body, status } = await testHost.client.json<{ name: string; progress: Progress }>('GET', '/api/globals/programme?locale=nl')
  expect(status).toBe(200)
  return body.progress
}

const saveReport = async (method: 'PATCH' | 'POST', path: string, body: Record<string, unknown>) => {
  const response = await testHost.client.json<{ doc: { id: number | string } }>(method, path, { auth: editor, body })
  expect(response.status).toBeLessThan(300)
  return response.body.doc.id
}

let reports = 0
const evaluation = (country: string, participantsTrained: Record<string, number>, _status: 'draft' | 'published') => ({
  type: 'pilot-country-evaluation',
  _status,
  country,
  participantsTrained,
  title: `Pilot training ${++reports} in ${country}`,
  visibility: 'public',
})

beforeAll(async () => {
  testHost = await startTestHost()
  const { payload } = testHost
  for (const [locale, name] of [
    ['en', 'Joint Efforts'],
    ['nl', 'Gezamenlijke Inspanningen'],
  ] as const) {
    await payload.updateGlobal({
      slug: 'programme',
      data: { name, participantTarget: 160, pilotCountries: ['AT', 'SE'] },
      locale,
      overrideAccess: true,
    })
  }
  editor = await testHost.client.login(await createUser(payload, ['editor']))
})

afterAll(async () => {
  await testHost.stop()
})

test('the public figure follows publishing, unpublishing and deleting pilot evaluations, and nothing else', async () => {
  expect(await publicProgress()).toEqual({ participantsTrained: 0, percentOfTarget: 0, target: 160 })

  const austria = await saveReport('POST', '/api/reports', evaluation('AT', { health: 12, lawEnforcement: 20 }, 'published'))
  expect(await publicProgress()).toEqual({ participantsTrained: 32, percentOfTarget: 20, target: 160 })

  // A draft never published, and a report of another type, leave it alone.
  const sweden = await saveReport('POST', '/api/reports?draft=true', evaluation('SE', { ngo: 30 }, 'draft'))
  await saveReport('POST', '/api/reports', {
    type: 'evaluation-report',
    _status: 'published',
    title: 'Annual report',
    visibility: 'public',
  })
  expect((await publicProgress()).participantsTrained).toBe(32)

  await saveReport('PATCH', `/api/reports/${sweden}`, { _status: 'published' })
  expect(await publicProgress()).toEqual({ participantsTrained: 62, percentOfTarget: 38.8, target: 160 })

  // A correction saved as a draft counts only once published.
  await saveReport('PATCH', `/api/reports/${austria}?draft=true`, {
    _status: 'draft',
    participantsTrained: { health: 2, lawEnforcement: 20 },
  })
  expect((await publicProgress()).participantsTrained).toBe(62)
  await saveReport('PATCH', `/api/reports/${austria}`, { _status: 'published' })
  expect((await publicProgress()).participantsTrained).toBe(52)

  // Retyped away from an evaluation, then deleted: both drop out.
  await saveReport('PATCH', `/api/reports/${austria}`, { type: 'evaluation-report' })
  expect((await publicProgress()).participantsTrained).toBe(30)
  expect((await testHost.client.json('DELETE', `/api/reports/${sweden}`, { auth: editor })).status).toBe(200)
  expect((await publicProgress()).participantsTrained).toBe(0)

  // The recount wrote only the figure: the settings' texts in every locale and their lists are intact.
  const [en, nl] = await Promise.all(
    ['en', 'nl'].map((locale) => testHost.payload.findGlobal({ slug: 'programme', locale: locale as 'en' })),
  )
  expect([en?.name, nl?.name, en?.pilotCountries]).toEqual(['Joint Efforts', 'Gezamenlijke Inspanningen', ['AT', 'SE']])
})

test('unpublishing an evaluation that has a newer draft takes it out of the figure', async () => {
  const before = (await publicProgress()).participantsTrained
  const corrected = await saveReport('POST', '/api/reports', evaluation('SE', { judiciary: 9 }, 'published'))
  expect((await publicProgress()).participantsTrained).toBe(before + 9)
  // A correction in progress: the latest version is now a draft, the published one still counts.
  await saveReport('PATCH', `/api/reports/${corrected}?draft=true`, { _status: 'draft', participantsTrained: { judiciary: 11 } })
  expect((await publicProgress()).participantsTrained).toBe(before + 9)
  await saveReport('PATCH', `/api/reports/${corrected}`, { _status: 'draft' })
  expect((await publicProgress()).participantsTrained).toBe(before)
})

test("the count is the server's: a figure sent with the settings is replaced by the real one, over REST and GraphQL", async () => {
  await saveReport('POST', '/api/reports', evaluation('AT', { border: 7 }, 'published'))
  const saved = await testHost.client.json('POST', '/api/globals/programme', {
    auth: editor,
    body: { participantTarget: 70, progress: { participantsTrained: 9999 } },
  })
  expect(saved.status).toBe(200)
  expect(await publicProgress()).toEqual({ participantsTrained: 7, percentOfTarget: 10, target: 70 })

  const { data } = await testHost.client.graphql<{ Programme: { progress: Progress } }>(
    '{ Programme(locale: nl) { progress { participantsTrained percentOfTarget target } } }',
  )
  expect(data?.Programme.progress).toEqual({ participantsTrained: 7, percentOfTarget: 10, target: 70 })
})

test('a public read of the settings does not read the reports; settings stored before the count still show it', async () => {
  const { db } = testHost.payload
  const find = db.find
  const collectionsRead: string[] = []
  db.find = (async (...args: Parameters<typeof find>) => {
    collectionsRead.push(args[0].collection)
    return find.apply(db, args)
  }) as typeof find
  try {
    const counted = (await publicProgress()).participantsTrained
    expect(collectionsRead).not.toContain('reports')

    // As a database migrated from before the stored count holds it: no figure until the next save.
    await db.updateGlobal({ slug: 'programme', data: { progress: { participantsTrained: null } }, req: {}, returning: false })
    expect((await publicProgress()).participantsTrained).toBe(counted)
    expect(collectionsRead).toContain('reports')
  } finally {
    db.find = find
  }
})

describe('internal evaluations (finding 12)', () => {
  type StaffProgress = Progress & { participantsTrainedInternal?: null | number }
  const progressAs = async (auth?: { token: string }) => {
    const { body, status } = await testHost.client.json<{ progress: StaffProgress }>('GET', '/api/globals/programme', { auth })
    expect(status).toBe(200)
    return body.progress
  }
  const graphqlProgressAs = async (auth?: { token: string }) => {
    const { data, errors } = await testHost.client.graphql<{ Programme: { progress: StaffProgress } }>(
      '{ Programme { progress { participantsTrained participantsTrainedInternal percentOfTarget } } }',
      {},
      auth,
    )
    expect(errors).toBeUndefined()
    return data!.Programme.progress
  }

  test('the public figure counts public evaluations only; staff see the figure with internal ones in a field of their own', async () => {
    const publicBefore = (await progressAs()).participantsTrained
    const staffBefore = await progressAs(editor)
    expect(staffBefore.participantsTrainedInternal).toBe(publicBefore)

    // The side channel: publishing an internal evaluation moved the public total.
    const internal = await saveReport('POST', '/api/reports', { ...evaluation('SE', { ngo: 41 }, 'published'), visibility: 'internal' })
    const anonymous = await progressAs()
    expect(anonymous.participantsTrained).toBe(publicBefore)
    expect(anonymous).not.toHaveProperty('participantsTrainedInternal')
    expect(await progressAs(editor)).toMatchObject({ participantsTrained: publicBefore, participantsTrainedInternal: publicBefore + 41 })

    expect(await graphqlProgressAs()).toMatchObject({ participantsTrained: publicBefore, participantsTrainedInternal: null })
    expect(await graphqlProgressAs(editor)).toMatchObject({ participantsTrained: publicBefore, participantsTrainedInternal: publicBefore + 41 })

    // Made public, it counts for everyone; made internal again, it leaves the public figure.
    await saveReport('PATCH', `/api/reports/${internal}`, { visibility: 'public' })
    expect((await progressAs()).participantsTrained).toBe(publicBefore + 41)
    await saveReport('PATCH', `/api/reports/${internal}`, { visibility: 'internal' })
    expect((await progressAs()).participantsTrained).toBe(publicBefore)
    expect((await progressAs(editor)).participantsTrainedInternal).toBe(publicBefore + 41)
  })
})
