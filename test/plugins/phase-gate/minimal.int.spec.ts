import type { CollectionSlug, Payload } from 'payload'

import { bootMinimalPayload } from '../../helpers/minimalPayload'
import { shutdownPayload } from '../../helpers/payload'

// Slugs of the minimal config, not of this CMS: the generated types do not know them.
const slug = (name: string) => name as CollectionSlug

let payload: Payload
const people: Record<string, Record<string, unknown> & { collection: string; id: number | string }> = {}

beforeAll(async () => {
  payload = await bootMinimalPayload(import('./minimal.config').then((module) => module.default))
  for (const [key, level] of [['author', 'author'], ['b1', 'board'], ['b2', 'board']] as const) {
    const doc = await payload.create({
      collection: slug('members'),
      data: { name: key, email: `${key}@example.org`, level, password: 'correct-horse-battery' } as never,
    })
    people[key] = { ...doc, collection: 'members' }
  }
})

afterAll(async () => {
  await shutdownPayload(payload)
})

const as = (key: string) => ({ overrideAccess: false, user: people[key] as never })

test('a board vote of go releases a stage: publishing is refused before, allowed after', async () => {
  const stage = await payload.create({ collection: slug('stages'), data: { number: 1, status: 'active', title: 'Stage one' } as never })
  const handbook = await payload.create({
    collection: slug('handbooks'),
    data: { stage: stage.id, title: 'Handbook' } as never,
    draft: true,
    ...as('author'),
  })
  await expect(
    payload.update({ id: handbook.id, collection: slug('handbooks'), data: { _status: 'published' } as never, ...as('author') }),
  ).rejects.toThrow(/decision is "none"/)

  const { docs: gates } = await payload.find({ collection: slug('stage-gates'), where: { phase: { equals: stage.id } } })
  expect(gates).toHaveLength(1)
  const round = await payload.create({
    collection: slug('stage-rounds'),
    data: { dueAt: new Date(Date.now() + 3_600_000).toISOString(), gate: gates[0]!.id } as never,
    ...as('author'),
  })
  expect((round as unknown as { members: string[] }).members.sort()).toEqual([String(people.b1!.id), String(people.b2!.id)].sort())
  // An author is not on the board: the vote is refused.
  await expect(
    payload.create({ collection: slug('stage-votes'), data: { choice: 'approve', comment: 'Mine', round: round.id } as never, ...as('author') }),
  ).rejects.toThrow()
  for (const member of ['b1', 'b2']) {
    await payload.create({ collection: slug('stage-votes'), data: { choice: 'approve', comment: 'Good', round: round.id } as never, ...as(member) })
  }
  const gate = await payload.findByID({ id: gates[0]!.id, collection: slug('stage-gates'), overrideAccess: true })
  expect((gate as unknown as { decision: string }).decision).toBe('go')

  const published = await payload.update({ id: handbook.id, collection: slug('handbooks'), data: { _status: 'published' } as never, ...as('author') })
  expect((published as unknown as { _status: string })._status).toBe('published')
})
