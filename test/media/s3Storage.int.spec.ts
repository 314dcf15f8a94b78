/**
 * Media in an S3-compatible store (moto, test/helpers/s3Server.ts): uploads over REST land in the
 * bucket with their resized copies and nothing on disk; files are still served by the CMS's own
 * route, with its access rules and file headers; deletes remove the objects; print files too.
 */
import { GetObjectAclCommand, GetObjectCommand } from '@aws-sdk/client-s3'
import fs from 'node:fs'
import sharp from 'sharp'

import { readEnvironment } from '@/lib/env'
import { runJobsUntilIdle } from '@/lib/runJobsUntilIdle'

import type { AuthMode, TestHost } from '../helpers/host'
import type { S3Server } from '../helpers/s3Server'

import { createPhase, releasePhase } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { startS3Server } from '../helpers/s3Server'
import { createUser } from '../helpers/users'

type SizeName = 'card' | 'hero' | 'thumbnail'
type MediaDoc = {
  filename: string
  id: number | string
  sizes: Record<SizeName, { filename: string; url: string }>
  url: string
}

const sizeNames: SizeName[] = ['thumbnail', 'card', 'hero']
const inertPolicy = "default-src 'none'; sandbox"
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\nxref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \ntrailer<</Size 3/Root 1 0 R>>\nstartxref\n101\n%%EOF\n',
)

let s3: S3Server
let testHost: TestHost
let editor: AuthMode
let serverUrl: string
let mediaDir: string
let logo: MediaDoc
let evaluation: MediaDoc

const filesOf = (doc: MediaDoc) => [doc.filename, ...sizeNames.map((name) => doc.sizes[name].filename)]
const keysOf = (doc: MediaDoc) => filesOf(doc).map((filename) => `media/${filename}`)
const filesOnDisk = () => (fs.existsSync(mediaDir) ? fs.readdirSync(mediaDir, { recursive: true }) : [])
/** The route of a file URL: URLs carry SERVER_URL, the test host listens on a port of its own. */
const routeOf = (url: string) => new URL(url).pathname

async function objectBytes(key: string): Promise<Buffer> {
  const object = await s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }))
  return Buffer.from(await object.Body!.transformToByteArray())
}

async function upload(file: Buffer, name: string, type: string, data: Record<string, unknown>): Promise<MediaDoc> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file)], { type }), name)
  form.append('_payload', JSON.stringify(data))
  const { body, status } = await testHost.client.json<{ doc: MediaDoc }>('POST', '/api/media', { auth: editor, body: form })
  expect(status).toBe(201)
  return body.doc
}

beforeAll(async () => {
  s3 = await startS3Server()
  // Read when the configuration is first imported, by startTestHost.
  Object.assign(process.env, s3.env)
  testHost = await startTestHost()
  serverUrl = readEnvironment().serverUrl
  mediaDir = process.env.MEDIA_DIR as string
  await createUser(testHost.payload, ['admin'])
  editor = await testHost.client.login(await createUser(testHost.payload, ['editor']))
  const png = await sharp({ create: { background: '#336699', channels: 3, height: 1000, width: 2000 } })
    .png()
    .toBuffer()
  logo = await upload(png, 'programme-logo.png', 'image/png', { alt: 'The programme logo', publicAsset: true })
  evaluation = await upload(pdf, 'internal-evaluation.pdf', 'application/pdf', {})
})

afterAll(async () => {
  await testHost?.stop()
  await s3?.stop()
})

describe('media in S3', () => {
  test('an upload and its resized copies are objects in the bucket, private, and nothing is written to disk', async () => {
    expect(await s3.listKeys()).toEqual([...keysOf(logo), `media/${evaluation.filename}`].sort())
    expect(filesOnDisk()).toEqual([])
    // The PDF is stored as sent; the image re-encoded, and each size is a WebP of its width.
    expect((await objectBytes(`media/${evaluation.filename}`)).equals(pdf)).toBe(true)
    for (const [name, width] of [
      ['thumbnail', 320],
      ['card', 768],
      ['hero', 1600],
    ] as const) {
      expect(await sharp(await objectBytes(`media/${logo.sizes[name].filename}`)).metadata()).toMatchObject({ format: 'webp', width })
    }
    for (const key of await s3.listKeys()) {
      const { Grants = [] } = await s3.client.send(new GetObjectAclCommand({ Bucket: s3.bucket, Key: key }))
      expect(Grants.map(({ Grantee, Permission }) => `${Grantee?.URI ?? Grantee?.ID}:${Permission}`)).toEqual([
        expect.not.stringMatching(/AllUsers|AuthenticatedUsers/),
      ])
    }
  })

  test('anonymous readers get a public file and each resized copy from the CMS route, with the bytes in the bucket and the file headers', async () => {
    for (const key of keysOf(logo)) {
      const filename = key.slice('media/'.length)
      const response = await testHost.client.request('GET', `/api/media/file/${filename}`)
      const bytes = Buffer.from(await response.arrayBuffer())
      expect(response.status).toBe(200)
      expect(bytes.equals(await objectBytes(key))).toBe(true)
      expect(response.headers.get('content-type')).toBe(filename === logo.filename ? 'image/png' : 'image/webp')
      expect(response.headers.get('content-length')).toBe(String(bytes.length))
      expect(response.headers.get('content-security-policy')).toBe(inertPolicy)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('cache-control')).toBe('no-store')
    }
    const ranged = await testHost.client.request('GET', `/api/media/file/${logo.filename}`, { headers: { range: 'bytes=0-7' } })
    expect(ranged.status).toBe(206)
    expect(Buffer.from(await ranged.arrayBuffer()).equals((await objectBytes(`media/${logo.filename}`)).subarray(0, 8))).toBe(true)
  })

  test('a staff-only file is refused to anonymous readers exactly as a name never uploaded, and served to the editor as a download', async () => {
    const never = await testHost.client.request('GET', '/api/media/file/never-uploaded.pdf')
    const hidden = await testHost.client.request('GET', `/api/media/file/${evaluation.filename}`)
    expect(hidden.status).toBe(404)
    expect(await hidden.text()).toBe(await never.text())
    expect(never.status).toBe(404)
    const ranged = await testHost.client.request('GET', `/api/media/file/${evaluation.filename}`, { headers: { range: 'bytes=0-7' } })
    expect(ranged.status).toBe(404)

    const staff = await testHost.client.request('GET', `/api/media/file/${evaluation.filename}`, { auth: editor })
    expect(staff.status).toBe(200)
    expect(Buffer.from(await staff.arrayBuffer()).equals(pdf)).toBe(true)
    expect(staff.headers.get('content-type')).toBe('application/pdf')
    expect(staff.headers.get('content-disposition')).toBe('attachment')
    expect(staff.headers.get('content-security-policy')).toBe(inertPolicy)
    expect(staff.headers.get('x-content-type-options')).toBe('nosniff')
    expect(staff.headers.get('cache-control')).toBe('private, no-store')
  })

  test('REST and GraphQL give the CMS route as every URL, never the bucket', async () => {
    const idType = typeof logo.id === 'number' ? 'Int' : 'String'
    const result = await testHost.client.graphql<{ Media: Pick<MediaDoc, 'sizes' | 'url'> }>(
      `query ($id: ${idType}!) { Media(id: $id) { url sizes { thumbnail { url } card { url } hero { url } } } }`,
      { id: logo.id },
    )
    expect(result.errors).toBeUndefined()
    const rest = await testHost.client.json<MediaDoc>('GET', `/api/media/${logo.id}`)
    for (const doc of [result.data!.Media, rest.body, logo]) {
      expect([doc.url, ...sizeNames.map((name) => doc.sizes[name].url)]).toEqual(
        filesOf(logo).map((filename) => `${serverUrl}/api/media/file/${filename}`),
      )
    }
    expect(JSON.stringify(rest.body)).not.toContain(s3.endpoint)
  })

  test('deleting a document removes its objects and no other', async () => {
    const second = await upload(
      await sharp({ create: { background: '#993333', channels: 3, height: 500, width: 900 } })
        .png()
        .toBuffer(),
      'poster.png',
      'image/png',
      {
        alt: 'A poster',
        publicAsset: true,
      },
    )
    // 900 px wide: no hero size (Payload does not enlarge), so three objects.
    const secondKeys = [`media/${second.filename}`, ...(['thumbnail', 'card'] as const).map((name) => `media/${second.sizes[name].filename}`)]
    expect(await s3.listKeys()).toEqual(expect.arrayContaining(secondKeys))
    expect((await testHost.client.json('DELETE', `/api/media/${second.id}`, { auth: editor })).status).toBe(200)
    expect(await s3.listKeys()).toEqual([...keysOf(logo), `media/${evaluation.filename}`].sort())
    expect((await testHost.client.request('GET', `/api/media/file/${second.filename}`)).status).toBe(404)
  })
})

describe('print files in S3', () => {
  test('the worker stores a PDF and its preview in the bucket, offers them through the CMS route and removes them with the deliverable', async () => {
    const phase = await createPhase(testHost.payload, { number: 2, title: 'Released phase' })
    await releasePhase(testHost.payload, phase.id)
    const card = await testHost.payload.create({
      collection: 'deliverables',
      data: {
        type: 'pocket-card',
        _status: 'published',
        indicators: [{ indicator: 'Has no control over their passport' }],
        phase: phase.id,
        printCountry: 'RO',
        title: 'Indicators of trafficking',
      } as never,
      locale: 'en',
      overrideAccess: true,
    })
    await runJobsUntilIdle(testHost.payload, { limit: 20, maxRuns: 10 })
    const { docs: files } = await testHost.payload.find({ collection: 'print-files', depth: 0, overrideAccess: true })
    expect(files.map(({ kind }) => kind).sort()).toEqual(['pdf', 'preview'])
    const printKeys = (await s3.listKeys()).filter((key) => key.startsWith('print-files/'))
    expect(printKeys).toEqual(files.map(({ filename }) => `print-files/${filename}`).sort())
    expect(filesOnDisk()).toEqual([])

    const { body } = await testHost.client.json<{ print: { url: string } }>('GET', `/api/deliverables/${card.id}?locale=en&depth=0`)
    expect(body.print.url).toMatch(new RegExp(`^${serverUrl}/api/print-files/file/[^/]+\\.pdf$`))
    const download = await testHost.client.request('GET', routeOf(body.print.url))
    expect(download.status).toBe(200)
    expect(download.headers.get('content-disposition')).toBe('attachment')
    const bytes = Buffer.from(await download.arrayBuffer())
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    expect(bytes.equals(await objectBytes(`print-files/${routeOf(body.print.url).split('/').pop()}`))).toBe(true)

    await testHost.payload.delete({ id: card.id, collection: 'deliverables', overrideAccess: true })
    expect((await s3.listKeys()).filter((key) => key.startsWith('print-files/'))).toEqual([])
  })
})
