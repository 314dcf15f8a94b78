import type { FontName } from './fonts'

import { colors, type PrintDocument, useFont } from './document'

/**
 * A line of a fixed layout (the pocket card, a hotline, the stamp): one font, one size, wrapped to
 * the width. Templates measure a stack of them before drawing it, to shrink it or move it to a new
 * page, and draw it with the very same calls, so what was measured is what gets printed.
 */
export type PrintLine = {
  align?: 'center' | 'left' | 'right'
  /** Hung in the indent before the text: "•" or "3.". */
  bullet?: string
  color?: string
  font: FontName
  /** Space above the line, in points. */
  gap?: number
  indent?: number
  /** The not-translated tag, printed after the text. */
  mark?: string
  /** The tag's colour where the muted grey would not show (on the colour band). */
  markColor?: string
  size: number
  text: string
}

const textOf = (line: PrintLine) => (line.mark ? `${line.text} ${line.mark}` : line.text)

export const heightOfLine = (doc: PrintDocument, line: PrintLine, width: number): number => {
  useFont(doc, line.font, line.size)
  return (line.gap ?? 0) + doc.heightOfString(textOf(line), { width: width - (line.indent ?? 0) })
}

export const heightOfLines = (doc: PrintDocument, lines: PrintLine[], width: number): number =>
  lines.reduce((height, line) => height + heightOfLine(doc, line, width), 0)

/** Draws the lines from (x, y) down and returns the y below the last one. */
export const drawLines = (doc: PrintDocument, lines: PrintLine[], x: number, y: number, width: number): number => {
  let top = y
  for (const line of lines) {
    const height = heightOfLine(doc, line, width)
    const indent = line.indent ?? 0
    const lineTop = top + (line.gap ?? 0)
    const options = { align: line.align, width: width - indent }
    if (line.bullet) {
      useFont(doc, line.font, line.size, line.color)
      doc.text(line.bullet, x, lineTop, { lineBreak: false })
    }
    useFont(doc, line.font, line.size, line.color)
    doc.text(line.text, x + indent, lineTop, { ...options, continued: Boolean(line.mark) })
    if (line.mark) {
      doc.fillColor(line.markColor ?? colors.muted).text(` ${line.mark}`, { ...options, continued: false })
    }
    top += height
  }
  return top
}
