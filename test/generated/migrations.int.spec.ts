import type { Payload } from 'payload'

import { pendingMigrationStatements } from '@/db'

import { bootPayload, shutdownPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await bootPayload()
})

afterAll(async () => {
  await shutdownPayload(payload)
})

test('committed migrations cover the schema (else: npm run payload -- migrate:create <name>)', async () => {
  expect(await pendingMigrationStatements(payload)).toEqual([])
})
