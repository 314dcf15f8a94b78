import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'

import type { TestHost } from '../helpers/host'
import type { TestUser } from '../helpers/users'

import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'

// Read by the configuration when it loads in beforeAll: a 1 MB limit keeps the oversized case small.
process.env.UPLOAD_MAX_BYTES = String(1024 * 1024)

let testHost: TestHost
let editor: TestUser
let mediaDir: string

beforeAll(async () => {
  testHost = await startTestHost()
  await createUser(testHost.payload, ['admin'])
  editor = await createUser(testHost.payload, ['editor'])
  mediaDir = process.env.MEDIA_DIR as string
})

afterAll(async () => {
  await testHost.stop()
})

const filesInMedia = () => (fs.existsSync(mediaDir) ? fs.readdirSync(mediaDir).sort() : [])

async function upload(file: Blob, name: string, data: Record<string, unknown> = {}) {
  const auth = await testHost.client.login(editor)
  const form = new FormData()
  form.append('file', file, name)
  form.append('_payload', JSON.stringify(data))
  return testHost.client.json<{ doc?: Record<string, unknown>; errors?: Array<{ message: string }> }>('POST', '/api/media', {
    auth,
    body: form,
  })
}

const pngOf = async (width: number, height: number) =>
  sharp({ create: { background: { b: 120, g: 80, r: 200 }, channels: 3, height, width } }).png().toBuffer()

describe('media uploads', () => {
  test('a PNG upload produces the thumbnail, card and hero sizes in WebP', async () => {
    const png = await pngOf(2000, 1250)
    const { body, status } = await upload(new Blob([png], { type: 'image/png' }), 'Pilot Training (Vienna).PNG', {
      alt: 'Trainers at the Vienna pilot',
    })
    expect(status).toBe(201)
    const doc = body.doc as { filename: string; sizes: Record<string, { filename: string; mimeType: string; width: number }> }
    expect(doc.filename).toBe('pilot-training-vienna.png')
    for (const [name, width] of [['thumbnail', 320], ['card', 768], ['hero', 1600]] as const) {
      expect(doc.sizes[name]).toMatchObject({ mimeType: 'image/webp', width })
      const onDisk = await sharp(path.join(mediaDir, doc.sizes[name].filename)).metadata()
      expect(onDisk).toMatchObject({ format: 'webp', width })
    }
    expect(filesInMedia()).toHaveLength(4)
  })

  test('an image without alt text is refused', async () => {
    const before = filesInMedia()
    const { body, status } = await upload(new Blob([await pngOf(400, 300)], { type: 'image/png' }), 'no-alt.png')
    expect(status).toBe(400)
    expect(JSON.stringify(body)).toMatch(/Alt text is required/)
    expect(filesInMedia()).toEqual(before)
  })

  test('a PDF needs no alt text', async () => {
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\nxref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n170\n%%EOF\n',
    )
    const { status } = await upload(new Blob([pdf], { type: 'application/pdf' }), 'pocket-card.pdf')
    expect(status).toBe(201)
  })

  const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'

  test.each([
    ['an SVG (script carrier)', async () => new Blob([svg], { type: 'image/svg+xml' }), 'logo.svg'],
    ['an SVG disguised as PNG', async () => new Blob([svg], { type: 'image/png' }), 'logo.png'],
    ['a PNG renamed to .pdf', async () => new Blob([await pngOf(50, 50)], { type: 'application/pdf' }), 'manual.pdf'],
    ['an HTML page', async () => new Blob(['<html><body>hi</body></html>'], { type: 'text/html' }), 'page.html'],
  ])('%s is rejected and leaves no file and no document', async (_label, makeFile, name) => {
    const filesBefore = filesInMedia()
    const docsBefore = (await testHost.payload.count({ collection: 'media' })).totalDocs
    const { status } = await upload(await makeFile(), name, { alt: 'x' })
    expect(status).toBeGreaterThanOrEqual(400)
    expect(status).toBeLessThan(500)
    expect(filesInMedia()).toEqual(filesBefore)
    expect((await testHost.payload.count({ collection: 'media' })).totalDocs).toBe(docsBefore)
  })

  test('a file over the size limit is rejected with 413 and leaves nothing behind', async () => {
    const filesBefore = filesInMedia()
    const noise = Buffer.alloc(1200 * 1200 * 3)
    for (let i = 0; i < noise.length; i += 1) {
      noise[i] = (i * 2654435761) % 256
    }
    const big = await sharp(noise, { raw: { channels: 3, height: 1200, width: 1200 } }).png({ compressionLevel: 0 }).toBuffer()
    expect(big.length).toBeGreaterThan(1024 * 1024)
    const { body, status } = await upload(new Blob([big], { type: 'image/png' }), 'huge.png', { alt: 'big' })
    expect(status).toBe(413)
    expect(JSON.stringify(body)).toMatch(/limit/i)
    expect(filesInMedia()).toEqual(filesBefore)
    // The half-read body must not poison the next request from the same client.
    expect((await testHost.client.json('GET', '/api/users/me')).status).toBe(200)
  })

  test('anonymous users cannot upload', async () => {
    const form = new FormData()
    form.append('file', new Blob([await pngOf(10, 10)], { type: 'image/png' }), 'x.png')
    form.append('_payload', JSON.stringify({ alt: 'x' }))
    const { status } = await testHost.client.json('POST', '/api/media', { body: form })
    expect(status).toBe(403)
  })

  test('creating media from a URL is refused (no server-side fetching)', async () => {
    const auth = await testHost.client.login(editor)
    const { body, status } = await testHost.client.json('POST', '/api/media', {
      auth,
      body: { alt: 'x', filename: 'x.png', focalX: 10, url: 'http://169.254.169.254/latest/meta-data/' },
    })
    expect(status).toBe(400)
    expect(JSON.stringify(body)).toMatch(/URL is disabled/)
  })
})
