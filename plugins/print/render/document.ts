import PDFDocument from 'pdfkit'

import type { PrintInput, RenderedPrint } from './types'

import { fontFiles, type FontName } from './fonts'

export type PrintDocument = PDFKit.PDFDocument

export const mm = (millimetres: number) => (millimetres * 72) / 25.4

export const colors = { accent: '#0b4f6c', muted: '#5a5a5a', rule: '#9aa5ab', text: '#111111' }

export type PageSetup = { margins: PDFKit.Mixins.ExpandedSides<number>; size: [number, number] }

/**
 * A buffered document (templates go back to earlier pages for the table of contents and the
 * footers) whose metadata says what the print is. CreationDate is the stamp's date, and pdfkit
 * derives the file ID from the metadata, so the same input gives the same bytes. `page` is the
 * document's default, which also applies to the pages pdfkit adds itself when text flows on.
 */
export const openDocument = (input: PrintInput, keywords: string[], page: PageSetup): PrintDocument => {
  const { labels, stamp } = input
  const doc = new PDFDocument({
    ...page,
    autoFirstPage: false,
    bufferPages: true,
    displayTitle: true,
    // The default font, or pdfkit would load Helvetica.
    font: fontFiles.regular,
    info: {
      Author: input.programmeName,
      CreationDate: new Date(stamp.generatedAt),
      Keywords: [...keywords, stamp.locale, `${labels.version} ${stamp.version}`].join(', '),
      Subject: `${input.programmeName}: ${input.title} (${stamp.languageName})`,
      Title: input.title,
    },
    lang: stamp.locale,
    pdfVersion: '1.7',
  })
  return doc
}

/** Fonts are selected by their file path, pdfkit's cache key: each face is then parsed once per document. */
export const useFont = (doc: PrintDocument, font: FontName, size: number, color: string = colors.text) =>
  doc.font(fontFiles[font]).fontSize(size).fillColor(color)

export const finishDocument = (doc: PrintDocument): Promise<RenderedPrint> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    const { count } = doc.bufferedPageRange()
    // Every page of a print has the same size; the first one stands for all.
    const size = { height: doc.page.height, width: doc.page.width }
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('error', reject)
    doc.on('end', () => resolve({ pages: count, pdf: Buffer.concat(chunks), size }))
    doc.end()
  })
