import type { PrintLine } from './lines'
import type { DirectoryInput, RenderedPrint } from './types'

import { a4, a4ContentWidth, a4Margins, a4Page } from './a4'
import { BLOCKS_PER_SLICE, pageCheckpoint, type RenderLimits } from './budget'
import { finishDocument, mm, openDocument } from './document'
import { fallbackMarks } from './fallback'
import { hotlineLines } from './hotline'
import { drawLines, heightOfLines } from './lines'
import { headingLine } from './richText'
import { stampLines, writeFooters } from './stamp'

const gutter = mm(8)
const columnWidth = (a4ContentWidth - gutter) / 2
const hotlineSize = 9
const bottom = a4.height - a4Margins.bottom

/**
 * The hotline directory: every country's verified hotlines in print order, in two columns, each
 * hotline kept whole and each country's heading kept with its first hotline.
 */
export const renderDirectory = async (input: DirectoryInput, limits: RenderLimits = {}): Promise<RenderedPrint> => {
  const doc = openDocument(input, ['hotline directory'], a4Page)
  const checkpoint = pageCheckpoint(
    doc,
    limits,
    (maxPages, where) => `The hotline directory runs past ${maxPages} pages (at ${where}): print it per country or region instead.`,
  )
  const marks = fallbackMarks(input)
  const { labels, stamp } = input
  doc.addPage()
  const header: PrintLine[] = [
    { font: 'regular', size: 11, text: input.programmeName },
    { font: 'bold', gap: 4, mark: marks.mark(input.titleFallback), size: 22, text: input.title },
    ...stampLines(input, 8.5, marks.notice),
  ]
  let top = drawLines(doc, header, a4Margins.left, a4Margins.top, a4ContentWidth) + 16
  let column = 0
  let y = top
  /** Where the next `height` points go: further down this column, the next column or a new page. */
  const place = (height: number) => {
    if (y + height > bottom && y > top) {
      column++
      y = top
      if (column === 2) {
        doc.addPage()
        column = 0
        top = y = a4Margins.top
      }
    }
    return a4Margins.left + column * (columnWidth + gutter)
  }

  /**
   * Draws lines that stay together. At the top of a column they drop the space above them, and a
   * country that goes on there repeats its heading, so that no hotline stands without its country.
   */
  const drawTogether = (lines: PrintLine[], runningHeading?: PrintLine) => {
    const x = place(heightOfLines(doc, lines, columnWidth))
    const [first, ...rest] = y === top && runningHeading ? [runningHeading, ...lines] : lines
    y = drawLines(doc, [{ ...first, gap: y === top ? 0 : first.gap }, ...rest], x, y, columnWidth)
  }

  for (const country of input.countries) {
    const [first = [], ...others] = country.hotlines.map((hotline, index): PrintLine[] => {
      const context = { detail: 'directory', labels, locale: stamp.locale, marks, size: hotlineSize } as const
      const [name, ...rest] = hotlineLines(hotline, context)
      return [{ ...name, gap: index === 0 ? 4 : 10 }, ...rest]
    })
    const heading = { ...headingLine(2, country.name), gap: 12 }
    drawTogether([heading, ...first])
    doc.outline.addItem(country.name)
    for (const [index, lines] of others.entries()) {
      drawTogether(lines, heading)
      if ((index + 1) % BLOCKS_PER_SLICE === 0) {
        await checkpoint(country.name)
      }
    }
    await checkpoint(country.name)
  }
  writeFooters(doc, input, { from: 0 })
  return finishDocument(doc)
}
