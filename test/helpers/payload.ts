import type { Payload } from 'payload'

import fs from 'node:fs'
import { getPayload } from 'payload'

import { closeDatabase, dropMongoDatabase } from '@/db'

/** Boots this test file's Payload on its private database (see environment.ts). Call once per file. */
export async function bootPayload(): Promise<Payload> {
  const { default: config } = await import('@payload-config')
  return getPayload({ config })
}

/** Closes the database, drops it where it lives on a server, and removes the file's work folder. */
export async function shutdownPayload(payload: Payload | undefined): Promise<void> {
  if (payload) {
    await dropMongoDatabase(payload).catch(() => undefined)
    await closeDatabase(payload).catch(() => undefined)
  }
  const workDir = process.env.JEC_TEST_WORK_DIR
  if (workDir) {
    fs.rmSync(workDir, { force: true, recursive: true })
  }
}

/** Deletes every document of the given collections, so each test starts from a known state. */
export async function clearCollections(payload: Payload, slugs: string[]): Promise<void> {
  for (const collection of slugs) {
    await payload.delete({ collection: collection as 'users', overrideAccess: true, where: {} })
  }
}
