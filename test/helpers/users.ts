import type { Payload } from 'payload'

import type { Role } from '@/access/roles'

import type { Credentials } from './host'

let counter = 0

export type TestUser = Credentials & { id: number | string; roles: Role[] }

/** Creates a staff account directly (a test fixture, not an action on anyone's behalf). */
export async function createUser(
  payload: Payload,
  roles: Role[],
  extra: { translatorLocales?: string[] } = {},
): Promise<TestUser> {
  counter += 1
  const email = `${roles.join('-') || 'nobody'}-${counter}-${Date.now()}@example.org`
  const password = `Password-${counter}-correct-horse`
  const user = await payload.create({
    collection: 'users',
    data: { name: `Test ${roles.join('+')} ${counter}`, email, password, roles, ...extra } as never,
    overrideAccess: true,
  })
  return { id: user.id, email, password, roles }
}
