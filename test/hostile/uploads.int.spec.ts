import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import sharp from 'sharp'

import type { TestHost } from '../helpers/host'

import { startTestHost } from '../helpers/host'
import { expectRefusedUnchanged, whileProbingHealth } from '../helpers/hostile'
import { createUser } from '../helpers/users'

/**
 * Hostile uploads (issue 13, section 3): each is sent by an editor, the most trusted uploader, so a
 * refusal is about the file and not the role. Every refusal must be a clear 4xx, leave the media
 * collection and the media folder exactly as they were, and keep /healthz answering in 200 ms.
 */

let testHost: TestHost
let editorAuth: { token: string }
let mediaDir: string
let existing: { filename: string; id: number | string }
const probes: Array<[label: string, worstMs: number]> = []
/** Built once before the cases: deflating 50 MB of zeros and collecting it later must not land in a probe. */
const bombs = {} as Record<'atLimit' | 'giant' | 'over', Buffer>
const answers: Array<[label: string, ms: number]> = []

const pngOf = async (width: number, height: number) =>
  sharp({ create: { background: '#2266aa', channels: 3, height, width } }).png().toBuffer()

const pdfOf = (catalogExtra = '') =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R${catalogExtra}>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\nxref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \ntrailer<</Size 3/Root 1 0 R>>\nstartxref\n101\n%%EOF\n`,
    'latin1',
  )

/** A PNG chunk: length, type, data, CRC-32 of type and data. */
function pngChunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(zlib.crc32(typed))
  return Buffer.concat([length, typed, crc])
}

/** A decompression bomb: a valid 1-bit PNG of `width` × `height` zero pixels, a few KB on the wire. */
function pngBomb(width: number, height: number) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 1 // bit depth
  const rows = zlib.deflateSync(Buffer.alloc((1 + Math.ceil(width / 8)) * height), { level: 9 })
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', rows),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

/** A real small JPEG whose frame header then claims 65,000 × 65,000 pixels. */
async function jpegClaiming(width: number, height: number) {
  const jpeg = Buffer.from(await sharp({ create: { background: '#888888', channels: 3, height: 16, width: 16 } }).jpeg().toBuffer())
  for (let at = 2; at < jpeg.length - 9; at += 1) {
    if (jpeg[at] === 0xff && (jpeg[at + 1] === 0xc0 || jpeg[at + 1] === 0xc2)) {
      jpeg.writeUInt16BE(height, at + 5)
      jpeg.writeUInt16BE(width, at + 7)
      return jpeg
    }
  }
  throw new Error('no frame header in the JPEG')
}

const svgScript = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>fetch("/api/users")</script></svg>'
const svgEntities =
  '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><text>&b;&x;</text></svg>'
const html = '<!doctype html><html><body><script>fetch("/api/users").then(r=>r.text()).then(alert)</script></body></html>'

const filesInMedia = () => (fs.existsSync(mediaDir) ? fs.readdirSync(mediaDir).sort() : [])

function form(file: Buffer | string, name: string, type: string, data: Record<string, unknown> = { alt: 'A hostile file' }) {
  const body = new FormData()
  body.append('file', new Blob([typeof file === 'string' ? file : new Uint8Array(file)], { type }), name)
  body.append('_payload', JSON.stringify(data))
  return body
}

beforeAll(async () => {
  testHost = await startTestHost()
  await createUser(testHost.payload, ['admin'])
  editorAuth = await testHost.client.login(await createUser(testHost.payload, ['editor']))
  mediaDir = process.env.MEDIA_DIR as string
  // Over HTTP, and one refusal too, so that the first case does not pay for loading the multipart
  // parser, file-type and sharp: the probe measures the case, not the process's first imports.
  const created = await testHost.client.json<{ doc: typeof existing }>('POST', '/api/media', {
    auth: editorAuth,
    body: form(await pngOf(400, 300), 'logo.png', 'image/png', { alt: 'The programme logo', publicAsset: true }),
  })
  expect(created.status).toBe(201)
  existing = created.body.doc
  Object.assign(bombs, { atLimit: pngBomb(7_000, 7_000), giant: pngBomb(20_000, 20_000), over: pngBomb(8_000, 8_000) })
  const refused = await testHost.client.request('POST', '/api/media', { auth: editorAuth, body: form(html, 'x.html', 'text/html') })
  expect(refused.status).toBe(400)
  await refused.arrayBuffer()
})

afterAll(async () => {
  await testHost.stop()
  // The closing note of issue 13 asks for the worst refusal time.
  const slowest = (list: Array<[string, number]>) => list.reduce((worst, entry) => (entry[1] > worst[1] ? entry : worst), ['none', 0])
  const [probeLabel, probeMs] = slowest(probes)
  const [answerLabel, answerMs] = slowest(answers)
  process.stdout.write(
    `hostile uploads: ${probes.length} refusals; slowest refusal ${Math.round(answerMs)} ms (${answerLabel}); slowest /healthz ${Math.round(probeMs)} ms (${probeLabel})\n`,
  )
})

type Case = [label: string, build: () => Promise<FormData> | FormData, message: RegExp, method?: 'PATCH' | 'POST']

const cases: Case[] = [
  ['an SVG with script', () => form(svgScript, 'logo.svg', 'image/svg+xml'), /not accepted/],
  ['an SVG sent as a PNG', () => form(svgScript, 'logo.png', 'image/png'), /not accepted/],
  ['an SVG with a DOCTYPE, nested and external entities', () => form(svgEntities, 'chart.svg', 'image/svg+xml'), /not accepted/],
  ['an HTML page named .pdf', () => form(html, 'report.pdf', 'application/pdf'), /not accepted/],
  ['an HTML page named .jpg', () => form(html, 'photo.jpg', 'image/jpeg'), /not accepted/],
  ['a PNG named .pdf (content and extension disagree)', async () => form(await pngOf(40, 40), 'manual.pdf', 'application/pdf'), /content is PNG/],
  ['a PDF named .png', () => form(pdfOf(), 'poster.png', 'image/png'), /content is PDF/],
  ['a PNG behind a double extension .png.html', async () => form(await pngOf(40, 40), 'logo.png.html', 'text/html'), /content is PNG/],
  [
    'a PNG whose name hides ".exe" behind a right-to-left override',
    async () => form(await pngOf(40, 40), 'invoice\u202Egnp.exe', 'image/png'),
    /content is PNG/,
  ],
  // The multipart parser cuts names at 255 characters, which takes the extension with it.
  ['a 5,000-character file name', async () => form(await pngOf(40, 40), `${'a'.repeat(5000)}.png`, 'image/png'), /has no extension/],
  ['a zero-byte .png', () => form(Buffer.alloc(0), 'empty.png', 'image/png'), /not accepted/],
  ['a zero-byte .pdf', () => form(Buffer.alloc(0), 'empty.pdf', 'application/pdf'), /not accepted/],
  ['a truncated PNG (signature and half a header)', async () => form((await pngOf(40, 40)).subarray(0, 20), 'cut.png', 'image/png'), /damaged|not accepted/],
  ['a GIF (not an accepted type)', async () => form(await sharp({ create: { background: '#000', channels: 3, height: 8, width: 8 } }).gif().toBuffer(), 'a.gif', 'image/gif'), /not accepted/],
  ['a TIFF (not an accepted type)', async () => form(await sharp({ create: { background: '#000', channels: 3, height: 8, width: 8 } }).tiff().toBuffer(), 'a.tiff', 'image/tiff'), /not accepted/],
  ['a 400-megapixel PNG bomb (48 KB)', () => form(bombs.giant, 'bomb.png', 'image/png'), /20000 × 20000 pixels; the limit is 50 megapixels/],
  ['a 64-megapixel PNG bomb, under sharp’s own default limit', () => form(bombs.over, 'bomb.png', 'image/png'), /8000 × 8000 pixels/],
  ['a JPEG whose header claims 65,000 × 65,000 pixels', async () => form(await jpegClaiming(65_000, 65_000), 'huge.jpg', 'image/jpeg'), /65000 × 65000 pixels/],
  ['a PDF that runs JavaScript when opened', () => form(pdfOf('/OpenAction<</S/JavaScript/JS(app.alert(1))>>'), 'report.pdf', 'application/pdf'), /contains JavaScript/],
  ['a PDF with a #-escaped JavaScript action', () => form(pdfOf('/OpenAction<</S/Java#53cript/JS<616c6572742831293b>>>'), 'report.pdf', 'application/pdf'), /contains JavaScript/],
  ['a PDF that launches a program', () => form(pdfOf('/OpenAction<</S/Launch/F(cmd.exe)>>'), 'report.pdf', 'application/pdf'), /launch action/],
  ['replacing a stored image with an SVG', () => form(svgScript, 'logo.svg', 'image/svg+xml'), /not accepted/, 'PATCH'],
  ['replacing a stored image with a PNG bomb', () => form(bombs.giant, 'logo.png', 'image/png'), /megapixels/, 'PATCH'],
]

describe('hostile uploads are refused with a 4xx and change nothing', () => {
  test.each(cases)('%s', async (label, build, message, method = 'POST') => {
    // Built before the probe starts: the test runs in the server's process.
    const body = await build()
    const filesBefore = filesInMedia()
    const url = method === 'POST' ? '/api/media' : `/api/media/${existing.id}`
    let answer = ''
    const { health, status } = await expectRefusedUnchanged(
      { baseUrl: testHost.baseUrl, collections: ['media'], payload: testHost.payload },
      async () => {
        const sent = performance.now()
        const response = await testHost.client.request(method, url, { auth: editorAuth, body })
        answer = await response.text()
        answers.push([label, performance.now() - sent])
        return { status: response.status }
      },
    )
    probes.push([label, health.worstMs])
    expect(status).toBe(400)
    expect(answer).toMatch(message)
    expect(filesInMedia()).toEqual(filesBefore)
  })

  test('creating from a URL, with a traversal filename in the data, is refused', async () => {
    const filesBefore = filesInMedia()
    const { health } = await expectRefusedUnchanged(
      { baseUrl: testHost.baseUrl, collections: ['media'], payload: testHost.payload },
      () =>
        testHost.client.json('POST', '/api/media', {
          auth: editorAuth,
          body: { alt: 'x', filename: '../../../etc/passwd', url: 'file:///etc/passwd' },
        }),
    )
    probes.push(['creating from a URL', health.worstMs])
    expect(filesInMedia()).toEqual(filesBefore)
  })
})

describe('hostile uploads that are accepted are made harmless', () => {
  test('a PNG carrying metadata and an appended HTML page is stored re-encoded, without either', async () => {
    const marker = 'Shelter at 12 Example Street'
    const png = await sharp({ create: { background: '#446688', channels: 3, height: 200, width: 300 } })
      .withExif({ IFD0: { ImageDescription: marker } })
      .png()
      .toBuffer()
    expect(png.toString('latin1')).toContain(marker)
    const polyglot = Buffer.concat([png, Buffer.from(html)])
    const { body, status } = await testHost.client.json<{ doc: { filename: string } }>('POST', '/api/media', {
      auth: editorAuth,
      body: form(polyglot, 'polyglot.png', 'image/png'),
    })
    expect(status).toBe(201)
    const stored = fs.readFileSync(path.join(mediaDir, body.doc.filename)).toString('latin1')
    expect(stored).not.toContain('<script')
    expect(stored).not.toContain(marker)
    expect((await sharp(path.join(mediaDir, body.doc.filename)).metadata()).format).toBe('png')
  })

  test.each([
    ['path traversal', '../../../../tmp/evil.png', /^evil(-\d+)?\.png$/],
    ['Windows path traversal', '..\\..\\windows\\evil.png', /^evil(-\d+)?\.png$/],
    ['a header injection', 'poster\r\nSet-Cookie: x=1.png', /^poster-[a-z0-9-]+\.png$/],
    ['only dots', '...png', /^file(-\d+)?\.png$/],
    ['a shell command', '$(rm -rf ~);`id`|x.png', /^[a-z0-9-]+\.png$/],
  ])('a file name with %s is stored under a plain name inside the media folder', async (_label, name, expected) => {
    const outside = path.dirname(mediaDir)
    const outsideBefore = fs.readdirSync(outside).sort()
    const { body, status } = await testHost.client.json<{ doc: { filename: string } }>('POST', '/api/media', {
      auth: editorAuth,
      body: form(await pngOf(40, 40), name, 'image/png'),
    })
    expect(status).toBe(201)
    expect(body.doc.filename).toMatch(expected)
    expect(fs.existsSync(path.join(mediaDir, body.doc.filename))).toBe(true)
    expect(fs.readdirSync(outside).sort()).toEqual(outsideBefore)
  })

  test('files are served inert: a PDF only as a download, nothing runs as a page, no type sniffing', async () => {
    const created = await testHost.client.json<{ doc: { filename: string; id: number | string } }>('POST', '/api/media', {
      auth: editorAuth,
      body: form(pdfOf(), 'pocket-card.pdf', 'application/pdf', { publicAsset: true }),
    })
    expect(created.status).toBe(201)
    for (const filename of [created.body.doc.filename, existing.filename]) {
      const response = await testHost.client.request('GET', `/api/media/file/${filename}`)
      await response.arrayBuffer()
      expect(response.status).toBe(200)
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    }
    const pdf = await testHost.client.request('GET', `/api/media/file/${created.body.doc.filename}`)
    await pdf.arrayBuffer()
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(pdf.headers.get('content-disposition')).toBe('attachment')
  })

  test('the largest image the limit allows is accepted and processed (time and health probe reported)', async () => {
    // 7,000 × 7,000 = 49 MP, one of a solid colour: small on the wire, full size once decoded.
    const body = form(bombs.atLimit, 'at-limit.png', 'image/png')
    const started = performance.now()
    const { health, result } = await whileProbingHealth(testHost.baseUrl, () =>
      testHost.client.json<{ doc: { height: number; width: number } }>('POST', '/api/media', { auth: editorAuth, body }),
    )
    process.stdout.write(`hostile uploads: a 49 MP image took ${Math.round(performance.now() - started)} ms, slowest /healthz ${Math.round(health.worstMs)} ms\n`)
    expect(result.status).toBe(201)
    expect(result.body.doc).toMatchObject({ height: 7_000, width: 7_000 })
    // Reported, not asserted: decoding runs on sharp's threads, off the event loop (49 ms worst loop
    // delay measured in isolation), but shares the cores with it, so the probe here measures how
    // busy the machine is (54–118 ms when quiet, 1–2.3 s with eight test runs on two cores).
    expect(health.probes).toBeGreaterThan(0)
  })

  test.each([
    ['a 50,000 × 1 strip', 50_000, 1],
    ['a 1 × 40,000 column', 1, 40_000],
  ])('%s within the pixel limit is stored or refused with a 4xx, never a 500', async (_label, width, height) => {
    const strip = await sharp({ create: { background: '#000000', channels: 3, height, width } }).png().toBuffer()
    const body = form(strip, 'strip.png', 'image/png')
    const { health, result } = await whileProbingHealth(testHost.baseUrl, () =>
      testHost.client.json('POST', '/api/media', { auth: editorAuth, body }),
    )
    expect(result.status).toBeLessThan(500)
    expect(health.worstMs).toBeLessThan(200)
  })
})
