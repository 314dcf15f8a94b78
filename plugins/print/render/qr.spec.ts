import { execFileSync } from 'node:child_process'
import PDFDocument from 'pdfkit'
import QRCode from 'qrcode'

import { drawQrCode } from './qr'

const pdfOf = (draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> =>
  new Promise((resolve) => {
    const doc = new PDFDocument({ margin: 0, size: [200, 200] })
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    draw(doc)
    doc.end()
  })

/** The page as 8-bit grey pixels, `scale` pixels to the point, from pdftoppm's binary PGM. */
const rasterise = (pdf: Buffer, scale: number) => {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', String(72 * scale), '-singlefile', '-'], { input: pdf })
  const [header, width] = /^P5\s+(\d+)\s+\d+\s+255\s/.exec(pgm.toString('latin1', 0, 32))!
  return (x: number, y: number) => pgm[header.length + Math.floor(y * scale) * Number(width) + Math.floor(x * scale)]
}

describe('drawQrCode', () => {
  test('draws exactly the symbol qrcode computes, module by module, inside a light quiet zone', async () => {
    const url = 'https://print.example.org/hu/pocket-card'
    const pixel = rasterise(await pdfOf((doc) => drawQrCode(doc, url, 10, 10, 180)), 4)
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' })
    const unit = 180 / (modules.size + 8)
    const dark = (row: number, column: number) => pixel(10 + (4 + column + 0.5) * unit, 10 + (4 + row + 0.5) * unit) < 128
    const grid = <T>(cell: (row: number, column: number) => T) =>
      Array.from({ length: modules.size }, (_, row) => Array.from({ length: modules.size }, (_, column) => cell(row, column)))
    const drawn = grid(dark)
    const expected = grid((row, column) => Boolean(modules.get(row, column)))
    expect(drawn).toEqual(expected)
    for (const quiet of [-4, -1, modules.size, modules.size + 3]) {
      expect(dark(quiet, 0)).toBe(false)
      expect(dark(0, quiet)).toBe(false)
    }
  })
})
