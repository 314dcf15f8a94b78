import type { PrintLine } from './lines'
import type { PrintInput } from './types'

import { colors, type PrintDocument, useFont } from './document'

/** The stamp's date as YYYY-MM-DD (UTC): unambiguous in every language, and never without its year. */
export const formatDate = (generatedAt: string): string => {
  const date = new Date(generatedAt)
  if (Number.isNaN(date.getTime())) {
    throw new Error(`The print's stamp has no valid generatedAt date: "${generatedAt}"`)
  }
  return date.toISOString().slice(0, 10)
}

/** "Label: value", with the no-break space French puts before a colon. */
export const labelled = (locale: string, label: string, value: string) => `${label}${locale.startsWith('fr') ? '\u00a0:' : ':'} ${value}`

/** Language, version and date on one line: what tells two printed copies apart. */
export const stampLine = ({ labels, stamp }: PrintInput): string =>
  [
    labelled(stamp.locale, labels.language, stamp.languageName),
    labelled(stamp.locale, labels.version, stamp.version),
    labelled(stamp.locale, labels.generated, formatDate(stamp.generatedAt)),
  ].join(' · ')

/** The stamp as it stands once on a print (the cover, the title, the card's back), with the not-translated notice. */
export const stampLines = (input: PrintInput, size: number, notice: string | undefined): PrintLine[] =>
  [input.fundingLine, stampLine(input), notice]
    .filter((text): text is string => Boolean(text))
    .map((text) => ({ color: colors.muted, font: 'regular', gap: size * 0.3, size, text }))

export const footerHeight = 34

/**
 * Writes every page's footer once the content is laid out, when the page count is known: the stamp
 * and "Page N / M" on the first line, the funding line under it. Pages before `from` (a cover) get none.
 */
export const writeFooters = (doc: PrintDocument, input: PrintInput, { from }: { from: number }) => {
  const { count, start } = doc.bufferedPageRange()
  const size = 7.5
  for (let index = from; index < start + count; index++) {
    doc.switchToPage(index)
    const { margins } = doc.page
    const width = doc.page.width - margins.left - margins.right
    const top = doc.page.height - margins.bottom + footerHeight / 2
    // The footer sits in the bottom margin; without this pdfkit would take it for an overflow and add a page.
    const bottom = margins.bottom
    margins.bottom = 0
    useFont(doc, 'regular', size, colors.muted)
    doc.text(stampLine(input), margins.left, top, { lineBreak: false })
    doc.text(`${input.labels.page} ${index + 1} / ${start + count}`, margins.left, top, { align: 'right', width })
    if (input.fundingLine) {
      doc.text(input.fundingLine, margins.left, top + size * 1.5, { width })
    }
    margins.bottom = bottom
  }
}
