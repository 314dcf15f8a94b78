import { paragraphs } from '@/lib/richText'

import type { AuthMode, TestHost } from '../helpers/host'

import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'
import { exportXliff, importXliff, translateAll } from './shared'

/**
 * How long export and import of many documents take: logged for the record, not asserted. A hundred
 * by default, to keep the suite quick; the figure for a thousand comes from
 * `XLIFF_VOLUME_DOCUMENTS=1000 npx jest test/translation-interchange/volume.int.spec.ts`.
 */
const DOCUMENTS = Number(process.env.XLIFF_VOLUME_DOCUMENTS ?? 100)

let testHost: TestHost
let editor: AuthMode

beforeAll(async () => {
  testHost = await startTestHost()
  const { client, payload } = testHost
  await createUser(payload, ['admin'])
  const editorUser = await createUser(payload, ['editor'])
  for (let index = 0; index < DOCUMENTS; index += 1) {
    await payload.create({
      collection: 'partners',
      data: {
        name: `Partner ${index}`,
        _status: 'published',
        contactEmail: `partner${index}@example.org`,
        country: 'BE',
        description: paragraphs(`Partner ${index} refers victims within 24 hours.`, 'Call 116 006 for help.'),
        sector: 'ngo',
      } as never,
      overrideAccess: true,
    })
  }
  // Logged in after the long setup: a keep-alive connection left idle that long is reset by the host.
  editor = await client.login(editorUser)
}, 900_000)

afterAll(async () => {
  await testHost.stop()
})

test(`export and import of ${DOCUMENTS} documents`, async () => {
  const exportStarted = performance.now()
  const exported = await exportXliff(testHost, editor, 'locale=nl&collection=partners')
  const exportMs = performance.now() - exportStarted
  expect(exported.status).toBe(200)
  const translated = translateAll(exported.text, (text) => `NL ${text}`)
  const importStarted = performance.now()
  const { body, status } = await importXliff(testHost, editor, 'nl', translated)
  const importMs = performance.now() - importStarted
  expect(status).toBe(200)
  expect(body.applied).toBe(DOCUMENTS * 2)
  console.log(
    `translation interchange: ${DOCUMENTS} documents, ${(exported.text.length / 1024).toFixed(0)} KiB of XLIFF 2.0; ` +
      `export ${(exportMs / 1000).toFixed(1)} s, import ${(importMs / 1000).toFixed(1)} s`,
  )
}, 900_000)
