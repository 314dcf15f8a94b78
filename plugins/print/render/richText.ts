import type { PrintBlock, PrintInline } from './types'

import { colors, type PrintDocument, useFont } from './document'
import { fontFor } from './fonts'
import { drawLines, heightOfLines, type PrintLine } from './lines'

/** `muted` is for what the renderer adds itself: a link's URL, a not-translated tag. */
export type FlowRun = PrintInline & { muted?: boolean }

/** PrintBlock, whose runs may carry the renderer's own additions. */
export type FlowBlock =
  | { items: FlowBlock[][]; kind: 'list'; ordered: boolean }
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; text: string }
  | { kind: 'paragraph' | 'quote'; runs: FlowRun[] }

export type FlowFrame = {
  /** Told of each top-level heading once it is placed, with the y of its top. */
  onHeading?: (heading: Extract<PrintBlock, { kind: 'heading' }>, top: number) => void
  width: number
  x: number
}

export const bodySize = 10
const lineGap = 2
const headingSizes: Record<1 | 2 | 3 | 4 | 5 | 6, number> = { 1: 16, 2: 13, 3: 11.5, 4: 10.5, 5: 10.5, 6: 10.5 }

/** Starts a new page unless `height` more points fit on this one. */
export const ensureSpace = (doc: PrintDocument, height: number) => {
  if (doc.y + height > doc.page.maxY()) {
    doc.addPage()
  }
}

export const headingLine = (level: keyof typeof headingSizes, text: string, mark?: string): PrintLine => ({
  color: level <= 2 ? colors.accent : colors.text,
  font: 'bold',
  mark,
  size: headingSizes[level],
  text,
})

/** Places a heading with room for a few lines under it, so that it never ends a page, and returns its top. */
export const writeHeading = (doc: PrintDocument, line: PrintLine, x: number, width: number): number => {
  const gap = doc.y <= doc.page.margins.top ? 0 : line.size * 0.9
  ensureSpace(doc, gap + heightOfLines(doc, [line], width) + 3 * bodySize * 1.4)
  const top = doc.y <= doc.page.margins.top ? doc.y : doc.y + gap
  doc.y = drawLines(doc, [line], x, top, width) + line.size * 0.35
  return top
}

/**
 * A link prints its text, underlined, then its URL in brackets, both clickable: on paper the
 * reader still needs the address. A link whose text is its URL prints once.
 */
const withUrls = (runs: FlowRun[]): FlowRun[] =>
  runs.flatMap((run) => (run.href && run.text.trim() !== run.href ? [run, { href: run.href, muted: true, text: ` (${run.href})` }] : [run]))

const writeRuns = (doc: PrintDocument, runs: FlowRun[], x: number, width: number, forceItalic = false) => {
  const pieces = withUrls(runs).filter(({ text }) => text.length > 0)
  pieces.forEach((run, index) => {
    const color = run.muted ? colors.muted : run.href ? colors.accent : colors.text
    useFont(doc, fontFor({ bold: run.bold, italic: run.italic || forceItalic }), bodySize, color)
    // Explicit values, because pdfkit carries a continued text's options over to the next piece.
    const options = {
      continued: index < pieces.length - 1,
      lineGap,
      link: run.href ?? null,
      underline: Boolean(run.href) && !run.muted,
      width,
    }
    if (index === 0) {
      ensureSpace(doc, doc.currentLineHeight(true))
      doc.text(run.text, x, doc.y, options)
    } else {
      doc.text(run.text, options)
    }
  })
}

/** A rule left of the quote on every page it spans. */
const writeQuote = (doc: PrintDocument, runs: FlowRun[], x: number, width: number) => {
  const indent = 14
  ensureSpace(doc, bodySize * 1.4)
  const start = { page: doc.bufferedPageRange().count - 1, y: doc.y }
  useFont(doc, 'italic', bodySize, colors.muted)
  writeRuns(doc, runs, x + indent, width - indent, true)
  const end = { page: doc.bufferedPageRange().count - 1, y: doc.y }
  for (let page = start.page; page <= end.page; page++) {
    doc.switchToPage(page)
    const top = page === start.page ? start.y : doc.page.margins.top
    const bottom = page === end.page ? end.y : doc.page.maxY()
    doc
      .save()
      .lineWidth(1.5)
      .strokeColor(colors.rule)
      .moveTo(x + 3, top)
      .lineTo(x + 3, bottom)
      .stroke()
      .restore()
  }
  doc.y = end.y
}

type FlowList = Extract<FlowBlock, { kind: 'list' }>

const writeList = (doc: PrintDocument, list: FlowList, x: number, width: number, depth: number) => {
  const indent = list.ordered ? 18 : 12
  list.items.forEach((item, index) => {
    useFont(doc, 'regular', bodySize)
    ensureSpace(doc, doc.currentLineHeight(true))
    const top = doc.y
    doc.text(list.ordered ? `${index + 1}.` : depth % 2 === 0 ? '•' : '–', x, top, { lineBreak: false })
    doc.y = top
    writeBlocks(doc, item, { width: width - indent, x: x + indent }, depth + 1)
  })
}

/** Writes blocks down the page from doc.y, breaking pages as pdfkit flows the text. */
export const writeBlocks = (doc: PrintDocument, blocks: FlowBlock[], frame: FlowFrame, depth = 0) => {
  const { width, x } = frame
  const after = depth > 0 ? bodySize * 0.25 : bodySize * 0.6
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading': {
        const top = writeHeading(doc, headingLine(block.level, block.text), x, width)
        frame.onHeading?.(block, top)
        break
      }
      case 'list':
        writeList(doc, block, x, width, depth)
        doc.y += after
        break
      case 'paragraph':
        writeRuns(doc, block.runs, x, width)
        doc.y += after
        break
      case 'quote':
        writeQuote(doc, block.runs, x, width)
        doc.y += after
        break
    }
  }
}
