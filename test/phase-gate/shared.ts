import type { Payload } from 'payload'

import type { AuthMode, TestHost } from '../helpers/host'
import type { TestUser } from '../helpers/users'

import { createPhase } from '../helpers/content'
import { createUser } from '../helpers/users'

export type Id = number | string

export type Cast = {
  admin: TestUser
  editor: TestUser
  members: TestUser[]
  outsider: TestUser
}

export type Sessions = Record<'admin' | 'editor' | 'outsider' | 's1' | 's2' | 's3', AuthMode>

/** An admin first (the first account becomes admin), an editor, three steering members and a translator. */
export async function createCast(testHost: TestHost): Promise<{ cast: Cast; sessions: Sessions }> {
  const { client, payload } = testHost
  const admin = await createUser(payload, ['admin'])
  const editor = await createUser(payload, ['editor'])
  const members = [
    await createUser(payload, ['steering']),
    await createUser(payload, ['steering']),
    await createUser(payload, ['steering']),
  ]
  const outsider = await createUser(payload, ['translator'], { translatorLocales: ['nl'] })
  const sessions: Sessions = {
    admin: await client.login(admin),
    editor: await client.login(editor),
    outsider: await client.login(outsider),
    s1: await client.login(members[0]),
    s2: await client.login(members[1]),
    s3: await client.login(members[2]),
  }
  return { cast: { admin, editor, members, outsider }, sessions }
}

export async function gateOf(payload: Payload, phase: Id) {
  const { docs } = await payload.find({ collection: 'gates' as 'users', overrideAccess: true, where: { phase: { equals: phase } } })
  return docs[0] as unknown as { decision: string; id: Id }
}

/** A phase (published, as the seed makes them) with one deliverable already approved in work status. */
export async function phaseWithApprovedDeliverable(payload: Payload, number: number, deliverable: Record<string, unknown> = {}) {
  const phase = await createPhase(payload, { number, status: 'planned' })
  const doc = await payload.create({
    collection: 'deliverables',
    data: {
      type: 'pocket-card',
      _status: 'draft',
      phase: phase.id,
      title: `Pocket card ${number}`,
      workStatus: 'approved',
      ...deliverable,
    } as never,
    overrideAccess: true,
  })
  return { deliverable: doc, gate: await gateOf(payload, phase.id), phase }
}

export const inOneHour = () => new Date(Date.now() + 60 * 60 * 1000).toISOString()

export const events = async (payload: Payload) =>
  (await payload.find({ collection: 'gate-events' as 'users', overrideAccess: true, pagination: false, sort: 'sequence' }))
    .docs as unknown as Array<{
    data: Record<string, unknown>
    id: Id
    type: string
  }>
