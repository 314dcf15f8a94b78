/**
 * A server killed with SIGKILL in the middle of an XLIFF import (issue 13, section 4): a file that
 * translates many documents is being written when the process dies. After a restart the import is
 * all there or not there at all: never some of its documents translated and the rest not.
 */
import type { Payload } from 'payload'

import { paragraphs } from '@/lib/richText'

import type { ServerProcess } from '../helpers/serverProcess'
import type { TestUser } from '../helpers/users'

import { bootPayload, shutdownPayload } from '../helpers/payload'
import { pollUntil, startServerProcess } from '../helpers/serverProcess'
import { createUser } from '../helpers/users'
import { translateAll } from '../translation-interchange/shared'

/** Enough documents that writing them takes long enough to be interrupted. */
const DOCUMENTS = 100

let payload: Payload
let server: ServerProcess | undefined
let editor: TestUser

beforeAll(async () => {
  payload = await bootPayload()
  await createUser(payload, ['admin'])
  editor = await createUser(payload, ['editor'])
  for (let index = 0; index < DOCUMENTS; index++) {
    await payload.create({
      collection: 'partners',
      data: {
        name: `Partner ${index}`,
        _status: 'published',
        contactEmail: `partner${index}@example.org`,
        country: 'BE',
        description: paragraphs(`Partner ${index} refers victims within 24 hours.`),
        sector: 'ngo',
      } as never,
      overrideAccess: true,
    })
  }
}, 300_000)

afterAll(async () => {
  await server?.stop()
  await shutdownPayload(payload)
}, 60_000)

/** Documents whose latest Dutch content (drafts included) is the imported translation. */
const translatedCount = async () =>
  (
    await payload.find({
      collection: 'partners',
      depth: 0,
      draft: true,
      limit: 1,
      locale: 'nl',
      overrideAccess: true,
      where: { name: { like: 'NL Partner' } },
    })
  ).totalDocs

test('kill -9 during an import of many documents: after a restart the import is whole or absent', async () => {
  server = await startServerProcess()
  const { client } = server
  const auth = await client.login(editor)
  const exported = await client.request('GET', '/api/translation-interchange/export?locale=nl&collection=partners', { auth })
  expect(exported.status).toBe(200)
  const translated = translateAll(await exported.text(), (text) => `NL ${text}`)

  const upload = client
    .json('POST', '/api/translation-interchange/import?locale=nl', {
      auth,
      body: translated,
      headers: { 'content-type': 'application/xliff+xml' },
    })
    // The connection dies with the process (fetch's error comes from another realm than Jest's).
    .catch(() => 'no answer' as const)
  let answered = false
  void upload.then(() => (answered = true))
  await pollUntil('the import’s first write to reach the database', async () => answered || (await translatedCount()) > 0)
  await server.kill9()
  const answer = await upload
  // Killed before the import answered, else the test proves nothing.
  expect({ answer }).toEqual({ answer: 'no answer' })
  const atKill = await translatedCount()

  server = await startServerProcess()
  const afterRestart = await translatedCount()
  console.log(
    `faults: XLIFF import of ${DOCUMENTS} documents killed before it answered; ` +
      `translated documents: ${atKill} when killed, ${afterRestart} after the restart`,
  )
  // All of the import or none of it.
  expect({ afterRestart }).toEqual({ afterRestart: afterRestart === DOCUMENTS ? DOCUMENTS : 0 })
}, 300_000)
