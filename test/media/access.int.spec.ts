import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'

import { paragraphs } from '@/lib/richText'

import type { AuthMode, TestHost } from '../helpers/host'
import type { TestUser } from '../helpers/users'

import { createPhase } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'

/**
 * Findings 1 and 4 of issue 13: an internal report's PDF was listed and served to anonymous readers,
 * and translators and steering members could create, replace and delete media.
 */

type MediaDoc = {
  filename: string
  id: number | string
  publicAsset?: boolean
  sizes: Record<string, { filename: null | string }>
  url: string
}
type Sized = { filename: string; id: number | string; sizes: Record<'card' | 'hero' | 'thumbnail', { filename: string }> }

let testHost: TestHost
let mediaDir: string
let idType: 'Int' | 'String'
let admin: TestUser
let editor: TestUser
let translator: TestUser
let steering: TestUser
let mediaKey: string
let publicLogo: Sized
let internalChart: Sized
let internalPdf: MediaDoc
let reportWithHiddenFile: number | string
let phaseWithHiddenImage: number | string

const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\nxref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \ntrailer<</Size 3/Root 1 0 R>>\nstartxref\n101\n%%EOF\n',
)
const pngOf = async (width: number, height: number, background = '#336699') =>
  sharp({ create: { background, channels: 3, height, width } }).png().toBuffer()

async function createMedia(name: string, data: Buffer, mimetype: string, extra: Record<string, unknown> = {}) {
  return (await testHost.payload.create({
    collection: 'media',
    data: { alt: `About ${name}`, ...extra } as never,
    file: { name, data, mimetype, size: data.length },
    overrideAccess: true,
  })) as unknown as Sized
}

const allFilesOf = (doc: Sized) => [doc.filename, ...Object.values(doc.sizes).flatMap((size) => (size.filename ? [size.filename] : []))]
const filesOnDisk = () => fs.readdirSync(mediaDir).sort()
type ReadAs = () => { headers?: Record<string, string> }
const withKey = (key: string) => ({ headers: { authorization: `API-Key ${key}` } })
const anonymous: ReadAs = () => ({})

beforeAll(async () => {
  testHost = await startTestHost()
  mediaDir = process.env.MEDIA_DIR as string
  admin = await createUser(testHost.payload, ['admin'])
  editor = await createUser(testHost.payload, ['editor'])
  translator = await createUser(testHost.payload, ['translator'], { translatorLocales: ['nl'] })
  steering = await createUser(testHost.payload, ['steering'])

  publicLogo = await createMedia('programme-logo.png', await pngOf(1800, 900), 'image/png', { publicAsset: true })
  internalChart = await createMedia('internal-victim-flows.png', await pngOf(1800, 900, '#993333'), 'image/png')
  internalPdf = (await createMedia('internal-evaluation.pdf', pdf, 'application/pdf')) as unknown as MediaDoc
  idType = typeof publicLogo.id === 'number' ? 'Int' : 'String'
  // A public report whose editor forgot to flag its PDF: the report is public, the file is not. Made
  // as the admin: without a user, the filterOptions check of `file` trips the public page limit.
  const adminUser = await testHost.payload.findByID({ id: admin.id, collection: 'users', overrideAccess: true })
  reportWithHiddenFile = (
    await testHost.payload.create({
      collection: 'reports',
      data: { type: 'evaluation-report', _status: 'published', file: internalPdf.id, title: 'Public report', visibility: 'public' } as never,
      user: { ...adminUser, collection: 'users' },
    })
  ).id

  // A hidden image placed in a published phase's rich text (Lexical populates upload nodes itself).
  const summary = paragraphs('A phase.') as unknown as { root: { children: unknown[] } }
  summary.root.children.push({ id: 'upload-1', type: 'upload', fields: null, format: '', relationTo: 'media', value: internalChart.id, version: 3 })
  phaseWithHiddenImage = (await createPhase(testHost.payload, { summary })).id

  const auth = await testHost.client.login(admin)
  const created = await testHost.client.json<{ doc: { apiKey: string } }>('POST', '/api/api-clients', {
    auth,
    body: { name: 'Media reader', scopes: ['media'] },
  })
  expect(created.status).toBe(201)
  mediaKey = created.body.doc.apiKey
})

afterAll(async () => {
  await testHost.stop()
})

describe('finding 1: media are staff-only unless flagged as a public asset', () => {
  test('a new upload is not public', async () => {
    const stored = await testHost.payload.findByID({ id: internalPdf.id, collection: 'media', overrideAccess: true })
    expect((stored as { publicAsset?: boolean }).publicAsset).toBe(false)
  })

  test.each<[string, ReadAs]>([
    ['anonymous', anonymous],
    ['an API key scoped to media', () => withKey(mediaKey)],
  ])('%s lists, counts and finds by id only public assets', async (_label, options) => {
    const list = await testHost.client.json<{ docs: MediaDoc[]; totalDocs: number }>('GET', '/api/media?limit=50', options())
    expect(list.status).toBe(200)
    expect(list.body.docs.map((doc) => doc.filename)).toEqual([publicLogo.filename])
    expect(list.body.totalDocs).toBe(1)

    // The reviewer's probe: a hidden file must not be findable by its name.
    const probe = await testHost.client.json<{ docs: MediaDoc[] }>('GET', '/api/media?where[filename][like]=internal', options())
    expect(probe.status).toBe(200)
    expect(probe.body.docs).toEqual([])
    const flagged = await testHost.client.json<{ docs: MediaDoc[] }>('GET', '/api/media?where[publicAsset][equals]=false', options())
    expect(flagged.body.docs).toEqual([])

    const count = await testHost.client.json<{ totalDocs: number }>('GET', '/api/media/count', options())
    expect(count.body.totalDocs).toBe(1)

    expect((await testHost.client.json('GET', `/api/media/${internalPdf.id}`, options())).status).toBe(404)
    expect((await testHost.client.json('GET', `/api/media/${internalChart.id}`, options())).status).toBe(404)
    expect((await testHost.client.json('GET', `/api/media/${publicLogo.id}`, options())).status).toBe(200)
  })

  test.each<[string, ReadAs]>([
    ['anonymous', anonymous],
    ['an API key scoped to media', () => withKey(mediaKey)],
  ])('%s gets 404 for a hidden file and each of its resized copies, as for a name never uploaded', async (_label, options) => {
    const never = await testHost.client.request('GET', '/api/media/file/never-uploaded.png', options())
    const neverBody = await never.text()
    expect(never.status).toBe(404)
    for (const filename of [...allFilesOf(internalChart), internalPdf.filename]) {
      expect(fs.existsSync(path.join(mediaDir, filename))).toBe(true)
      const response = await testHost.client.request('GET', `/api/media/file/${filename}`, options())
      expect(response.status).toBe(404)
      expect(await response.text()).toBe(neverBody)
      // A byte range is no way around it.
      const ranged = await testHost.client.request('GET', `/api/media/file/${filename}`, {
        headers: { ...options().headers, range: 'bytes=0-7' },
      })
      expect(ranged.status).toBe(404)
      const head = await testHost.client.request('HEAD', `/api/media/file/${filename}`, options())
      const headNever = await testHost.client.request('HEAD', '/api/media/file/never-uploaded.png', options())
      expect(head.status).toBe(headNever.status)
      expect(head.status).not.toBe(200)
      expect(head.headers.get('content-length')).toBe(headNever.headers.get('content-length'))
    }
    for (const filename of allFilesOf(publicLogo)) {
      const response = await testHost.client.request('GET', `/api/media/file/${filename}`, options())
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toMatch(/^image\//)
      // no-store for anonymous, private, no-store for a key: never a shared cache.
      expect(response.headers.get('cache-control')).toMatch(/^(private, )?no-store$/)
      await response.arrayBuffer()
    }
  })

  test('an API key scoped elsewhere reads no media at all', async () => {
    const auth = await testHost.client.login(admin)
    const created = await testHost.client.json<{ doc: { apiKey: string } }>('POST', '/api/api-clients', {
      auth,
      body: { name: 'Hotline widget', scopes: ['hotlines'] },
    })
    const key = created.body.doc.apiKey
    expect((await testHost.client.json('GET', '/api/media', withKey(key))).status).toBe(403)
    const file = await testHost.client.request('GET', `/api/media/file/${publicLogo.filename}`, withKey(key))
    expect(file.status).toBeGreaterThanOrEqual(403)
    expect(file.status).toBeLessThan(405)
  })

  test('GraphQL: anonymous sees public assets only, and a hidden file populated into a public report stays hidden', async () => {
    const result = await testHost.client.graphql<{
      allMedia: { docs: Array<{ filename: string }>; totalDocs: number }
      countallMedia: { totalDocs: number }
      hidden: null | { filename: string }
      logo: null | { filename: string }
      Report: { file: null | { filename: string; url: string } }
    }>(
      `query ($hidden: ${idType}!, $logo: ${idType}!, $report: ${idType}!) {
        allMedia(limit: 50) { totalDocs docs { filename } }
        probe: allMedia(where: { filename: { like: "internal" } }) { docs { filename } }
        countallMedia { totalDocs }
        hidden: Media(id: $hidden) { filename url }
        logo: Media(id: $logo) { filename }
        Report(id: $report) { file { filename url } }
      }`,
      { hidden: internalPdf.id, logo: publicLogo.id, report: reportWithHiddenFile },
    )
    expect(result.data?.allMedia.docs.map((doc) => doc.filename)).toEqual([publicLogo.filename])
    expect((result.data as unknown as { probe: { docs: unknown[] } }).probe.docs).toEqual([])
    expect(result.data?.countallMedia.totalDocs).toBe(1)
    expect(result.data?.hidden).toBeNull()
    expect(result.data?.logo?.filename).toBe(publicLogo.filename)
    expect(result.data?.Report.file).toBeNull()
    expect(JSON.stringify(result)).not.toContain(internalPdf.filename)
  })

  test('REST: a hidden file populated into a public report is not revealed', async () => {
    const { body, status } = await testHost.client.json('GET', `/api/reports/${reportWithHiddenFile}?depth=1`)
    expect(status).toBe(200)
    // Payload leaves the bare id of a relation the reader may not see; nothing more.
    expect((body as { file: unknown }).file).toBe(internalPdf.id)
    expect(JSON.stringify(body)).not.toContain(internalPdf.filename)
    expect(JSON.stringify(body)).not.toContain('/api/media/file/')
  })

  test('a hidden image in a published phase\'s rich text is not populated, over REST or GraphQL', async () => {
    const rest = await testHost.client.json('GET', `/api/phases/${phaseWithHiddenImage}?depth=1`)
    expect(rest.status).toBe(200)
    expect(JSON.stringify(rest.body)).toContain('"relationTo":"media"')
    expect(JSON.stringify(rest.body)).not.toContain(internalChart.filename.replace('.png', ''))
    const graphql = await testHost.client.graphql(`query ($id: ${idType}!) { Phase(id: $id) { summary(depth: 1) } }`, { id: phaseWithHiddenImage })
    expect(graphql.errors).toBeUndefined()
    expect(JSON.stringify(graphql.data)).toContain('"relationTo":"media"')
    expect(JSON.stringify(graphql.data)).not.toContain(internalChart.filename.replace('.png', ''))
    // Staff see the populated image.
    const forStaff = await testHost.client.json('GET', `/api/phases/${phaseWithHiddenImage}?depth=1`, { auth: await testHost.client.login(steering) })
    expect(JSON.stringify(forStaff.body)).toContain(internalChart.filename)
  })

  test.each([
    ['a translator', () => translator],
    ['a steering member', () => steering],
  ])('%s (staff) reads every item and file, never cached by a shared cache', async (_label, user) => {
    // The session cookie as the admin UI sends it (Payload ignores a cookie without a same-site sign).
    const cookie = { auth: await testHost.client.loginCookie(user()), headers: { 'sec-fetch-site': 'same-origin' } }
    for (const options of [{ auth: await testHost.client.login(user()) }, cookie]) {
      const list = await testHost.client.json<{ totalDocs: number }>('GET', '/api/media', options)
      expect(list.body.totalDocs).toBe(3)
      for (const filename of [...allFilesOf(internalChart), internalPdf.filename]) {
        const response = await testHost.client.request('GET', `/api/media/file/${filename}`, options)
        expect(response.status).toBe(200)
        expect(response.headers.get('cache-control')).toBe('private, no-store')
        expect(response.headers.get('etag')).toBeNull()
        await response.arrayBuffer()
      }
    }
  })

  test('only editors and admins can flag an item public; the flag then opens its files', async () => {
    const forTranslator = await testHost.client.login(translator)
    const refused = await testHost.client.json('PATCH', `/api/media/${internalChart.id}`, {
      auth: forTranslator,
      body: { publicAsset: true },
    })
    expect(refused.status).toBe(403)
    expect((await testHost.client.request('GET', `/api/media/file/${internalChart.sizes.card.filename}`)).status).toBe(404)

    const forEditor = await testHost.client.login(editor)
    const flagged = await testHost.client.json('PATCH', `/api/media/${internalChart.id}`, { auth: forEditor, body: { publicAsset: true } })
    expect(flagged.status).toBe(200)
    expect((await testHost.client.request('GET', `/api/media/file/${internalChart.sizes.card.filename}`)).status).toBe(200)
    const unflagged = await testHost.client.json('PATCH', `/api/media/${internalChart.id}`, { auth: forEditor, body: { publicAsset: false } })
    expect(unflagged.status).toBe(200)
    expect((await testHost.client.request('GET', `/api/media/file/${internalChart.sizes.card.filename}`)).status).toBe(404)
  })
})

describe('finding 4: only editors and admins manage media', () => {
  const snapshot = async () => ({
    docs: await testHost.payload.find({ collection: 'media', depth: 0, limit: 100, locale: 'all', overrideAccess: true, sort: 'id' }),
    files: Object.fromEntries(filesOnDisk().map((name) => [name, fs.readFileSync(path.join(mediaDir, name)).toString('base64')])),
  })

  const uploadForm = async (name = 'replacement.png') => {
    const form = new FormData()
    form.append('file', new Blob([await pngOf(400, 200, '#000000')], { type: 'image/png' }), name)
    form.append('_payload', JSON.stringify({ alt: 'Replacement', publicAsset: true }))
    return form
  }

  const attempts: Array<[string, (auth: AuthMode) => Promise<{ status: number }>]> = [
    ['create', async (auth) => testHost.client.json('POST', '/api/media', { auth, body: await uploadForm() })],
    ['replace the file of an existing id', async (auth) => testHost.client.json('PATCH', `/api/media/${publicLogo.id}`, { auth, body: await uploadForm() })],
    ['update by id', async (auth) => testHost.client.json('PATCH', `/api/media/${publicLogo.id}`, { auth, body: { alt: 'Defaced' } })],
    [
      'update by where',
      async (auth) => testHost.client.json('PATCH', '/api/media?where[filename][like]=png', { auth, body: { alt: 'Defaced', publicAsset: true } }),
    ],
    ['delete by id', async (auth) => testHost.client.json('DELETE', `/api/media/${internalPdf.id}`, { auth })],
    ['delete by where', async (auth) => testHost.client.json('DELETE', '/api/media?where[id][exists]=true', { auth })],
    ['duplicate', async (auth) => testHost.client.json('POST', `/api/media/${publicLogo.id}/duplicate`, { auth, body: {} })],
  ]

  describe.each([
    ['a translator', () => translator],
    ['a steering member', () => steering],
  ])('%s', (_label, user) => {
    test.each(attempts)('cannot %s over REST: 403, nothing changes (files on disk included)', async (_operation, attempt) => {
      const auth = await testHost.client.login(user())
      const before = await snapshot()
      const { status } = await attempt(auth)
      expect(status).toBe(403)
      expect(await snapshot()).toEqual(before)
    })

    test('cannot update, delete or duplicate over GraphQL', async () => {
      const auth = await testHost.client.login(user())
      const before = await snapshot()
      for (const mutation of [
        `mutation ($id: ${idType}!) { updateMedia(id: $id, data: { alt: "Defaced", publicAsset: true }) { id } }`,
        `mutation ($id: ${idType}!) { deleteMedia(id: $id) { id } }`,
        `mutation ($id: ${idType}!) { duplicateMedia(id: $id, data: {}) { id } }`,
      ]) {
        const result = await testHost.client.graphql(mutation, { id: internalPdf.id }, auth)
        expect(result.errors?.[0]?.extensions?.statusCode).toBe(403)
        expect(Object.values(result.data ?? {}).filter(Boolean)).toEqual([])
      }
      expect(await snapshot()).toEqual(before)
    })
  })

  test('an editor uploads, flags and replaces; an admin deletes, files and all', async () => {
    const auth = await testHost.client.login(editor)
    const created = await testHost.client.json<{ doc: Sized & { publicAsset: boolean } }>('POST', '/api/media', {
      auth,
      body: await uploadForm('poster.png'),
    })
    expect(created.status).toBe(201)
    expect(created.body.doc.publicAsset).toBe(true)
    const replaced = await testHost.client.json<{ doc: Sized }>('PATCH', `/api/media/${created.body.doc.id}`, {
      auth,
      body: await uploadForm('poster-v2.png'),
    })
    expect(replaced.status).toBe(200)
    expect(replaced.body.doc.filename).toBe('poster-v2.png')

    const removed = await testHost.client.json('DELETE', `/api/media/${created.body.doc.id}`, { auth: await testHost.client.login(admin) })
    expect(removed.status).toBe(200)
    for (const filename of allFilesOf(replaced.body.doc)) {
      expect(fs.existsSync(path.join(mediaDir, filename))).toBe(false)
    }
  })
})
