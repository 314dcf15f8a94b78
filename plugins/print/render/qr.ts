import QRCode from 'qrcode'

import { colors, type PrintDocument } from './document'

/** Modules of light margin the QR specification asks for around the symbol. */
const quietZone = 4

/**
 * Draws a QR code to `url` as vector squares, `size` points wide including the quiet zone, so it
 * stays sharp at any print resolution. Runs of dark modules in a row become one rectangle.
 */
export const drawQrCode = (doc: PrintDocument, url: string, x: number, y: number, size: number) => {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' })
  const unit = size / (modules.size + 2 * quietZone)
  doc.save()
  doc.rect(x, y, size, size).fill('#ffffff')
  for (let row = 0; row < modules.size; row++) {
    let column = 0
    while (column < modules.size) {
      if (!modules.get(row, column)) {
        column++
        continue
      }
      const start = column
      while (column < modules.size && modules.get(row, column)) {
        column++
      }
      doc.rect(x + (quietZone + start) * unit, y + (quietZone + row) * unit, (column - start) * unit, unit)
    }
  }
  doc.fill(colors.text)
  doc.restore()
}
