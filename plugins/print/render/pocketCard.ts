import type { PrintLine } from './lines'
import type { PocketCardInput, RenderedPrint } from './types'

import { colors, finishDocument, mm, openDocument, type PrintDocument } from './document'
import { fallbackMarks } from './fallback'
import { hotlineLines } from './hotline'
import { drawLines, heightOfLine, heightOfLines } from './lines'
import { drawQrCode } from './qr'
import { stampLines } from './stamp'

/** A7, the card's trim. */
const trim = { height: mm(105), width: mm(74) }
/** Room outside the bleed for the crop marks. */
const marksMargin = mm(5)
const padding = mm(4)
const qrSize = mm(18)
/** Body sizes tried in turn until the text fits; below 5.5 pt a card is no longer readable in a patrol car. */
const bodySizes = [8, 7.5, 7, 6.5, 6, 5.5]
const titleSizes = [11, 10, 9, 8, 7]

type Box = { height: number; width: number; x: number; y: number }

const tooLong = (what: string, side: string, details: string) =>
  new Error(`The pocket card's ${what} do not fit on the ${side} at ${bodySizes.at(-1)} pt: ${details}`)

/** Short lines at each trim corner, kept outside the bleed so that they are cut away. */
const drawCropMarks = (doc: PrintDocument, box: Box, bleed: number) => {
  const from = Math.max(bleed, mm(1))
  // The trim box is inset from the page by as much as the marks may reach.
  const to = box.x
  doc.save().lineWidth(0.25).strokeColor('#000000')
  for (const x of [box.x, box.x + box.width]) {
    for (const y of [box.y, box.y + box.height]) {
      const outX = x === box.x ? -1 : 1
      const outY = y === box.y ? -1 : 1
      doc
        .moveTo(x + outX * from, y)
        .lineTo(x + outX * to, y)
        .stroke()
      doc
        .moveTo(x, y + outY * from)
        .lineTo(x, y + outY * to)
        .stroke()
    }
  }
  doc.restore()
}

/** How far the trim lies inside the page edge: the bleed, and the crop marks' room around it. */
const trimOffset = (input: PocketCardInput) => mm(input.bleedMm) + (input.cropMarks ? marksMargin : 0)

const addCardPage = (doc: PrintDocument, input: PocketCardInput): Box => {
  const bleed = mm(input.bleedMm)
  const offset = trimOffset(input)
  doc.addPage()
  const box = { ...trim, x: offset, y: offset }
  if (offset > 0) {
    // What a print shop's imposition reads: where to cut, and how far the background runs on.
    const boxAround = (distance: number) => [offset - distance, offset - distance, offset + trim.width + distance, offset + trim.height + distance]
    Object.assign(doc.page.dictionary.data, { BleedBox: boxAround(bleed), TrimBox: boxAround(0) })
  }
  if (input.cropMarks) {
    drawCropMarks(doc, box, bleed)
  }
  return box
}

/** A colour band across the top that runs into the bleed, with the programme's name and `title` in it. */
const drawBand = (doc: PrintDocument, input: PocketCardInput, box: Box, title: PrintLine[]): number => {
  const bleed = mm(input.bleedMm)
  const width = box.width - 2 * padding
  const height = padding * 2 + heightOfLines(doc, title, width)
  doc.rect(box.x - bleed, box.y - bleed, box.width + 2 * bleed, height + bleed).fill(colors.accent)
  drawLines(doc, title, box.x + padding, box.y + padding, width)
  return box.y + height
}

const drawFront = (doc: PrintDocument, input: PocketCardInput, box: Box) => {
  const marks = fallbackMarks(input)
  const width = box.width - 2 * padding
  const titleLines = (size: number): PrintLine[] => [
    { color: '#ffffff', font: 'regular', size: size * 0.6, text: input.programmeName },
    {
      color: '#ffffff',
      font: 'bold',
      gap: size * 0.2,
      mark: marks.mark(input.titleFallback),
      markColor: '#ffffff',
      size,
      text: input.title,
    },
  ]
  const titleSize = titleSizes.find((size) => heightOfLines(doc, titleLines(size), width) <= box.height * 0.3)
  if (titleSize === undefined) {
    throw new Error(`The pocket card's title does not fit on the front at ${titleSizes.at(-1)} pt: shorten "${input.title}"`)
  }
  const top = drawBand(doc, input, box, titleLines(titleSize)) + padding
  const available = box.y + box.height - padding - top
  const indicatorLines = (size: number): PrintLine[] => [
    { color: colors.accent, font: 'bold', size: size * 1.15, text: input.labels.indicators },
    ...input.indicators.map(({ fallback, text }): PrintLine => ({
      bullet: '•',
      font: 'regular',
      gap: size * 0.35,
      indent: size,
      mark: marks.mark(fallback),
      size,
      text,
    })),
  ]
  const size = bodySizes.find((candidate) => heightOfLines(doc, indicatorLines(candidate), width) <= available)
  if (size === undefined) {
    throw tooLong('indicators', 'front', `${input.indicators.length} indicators, shorten or split them`)
  }
  drawLines(doc, indicatorLines(size), box.x + padding, top, width)
}

/** The bottom of the back: the QR code to the online version beside its caption, the stamp under both. */
const drawOnlineAndStamp = (doc: PrintDocument, input: PocketCardInput, box: Box): number => {
  const width = box.width - 2 * padding
  const stamp = stampLines(input, 5, fallbackMarks(input).notice)
  const stampTop = box.y + box.height - padding - heightOfLines(doc, stamp, width)
  const qrTop = stampTop - qrSize
  drawQrCode(doc, input.onlineUrl, box.x + padding, qrTop, qrSize)
  const caption: PrintLine[] = [
    { color: colors.accent, font: 'bold', size: 6.5, text: input.labels.scanForOnline },
    { color: colors.muted, font: 'regular', gap: 2, size: 5, text: input.onlineUrl },
  ]
  const captionWidth = width - qrSize - mm(2)
  const captionTop = qrTop + (qrSize - heightOfLines(doc, caption, captionWidth)) / 2
  drawLines(doc, caption, box.x + padding + qrSize + mm(2), captionTop, captionWidth)
  drawLines(doc, stamp, box.x + padding, stampTop, width)
  return qrTop
}

const drawBack = (doc: PrintDocument, input: PocketCardInput, box: Box) => {
  const marks = fallbackMarks(input)
  const width = box.width - 2 * padding
  const heading: PrintLine = { color: colors.accent, font: 'bold', size: 9, text: input.labels.hotlines }
  const top = box.y + padding
  const bottom = drawOnlineAndStamp(doc, input, box) - padding
  const available = bottom - top - heightOfLine(doc, heading, width)
  const lines = (size: number): PrintLine[] =>
    input.hotlines.flatMap((hotline, index) => {
      const context = { detail: 'card', labels: input.labels, locale: input.stamp.locale, marks, size } as const
      const [first, ...rest] = hotlineLines(hotline, context)
      return [{ ...first, gap: index === 0 ? size * 0.5 : size * 1.1 }, ...rest]
    })
  const size = bodySizes.find((candidate) => heightOfLines(doc, lines(candidate), width) <= available)
  if (size === undefined) {
    throw tooLong('hotlines', 'back', `${input.hotlines.length} hotlines, list fewer or shorten their details`)
  }
  drawLines(doc, [heading, ...lines(size)], box.x + padding, top, width)
}

/** The card police and border guards carry: the indicators on the front, whom to call on the back. */
export const renderPocketCard = (input: PocketCardInput): Promise<RenderedPrint> => {
  const offset = trimOffset(input)
  const size: [number, number] = [trim.width + 2 * offset, trim.height + 2 * offset]
  // No margins: the card is laid out by hand, and the whole page is its to use.
  const doc = openDocument(input, ['pocket card'], { margins: { bottom: 0, left: 0, right: 0, top: 0 }, size })
  drawFront(doc, input, addCardPage(doc, input))
  drawBack(doc, input, addCardPage(doc, input))
  return finishDocument(doc)
}
