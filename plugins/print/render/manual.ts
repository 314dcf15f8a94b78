import type { FallbackMarks } from './fallback'
import type { FlowBlock, FlowRun } from './richText'
import type { ManualInput, PrintBlock, RenderedPrint } from './types'

import { a4, a4ContentWidth, a4Margins, a4Page } from './a4'
import { BLOCKS_PER_SLICE, longestText, MAX_PARAGRAPH_CHARACTERS, pageCheckpoint, type RenderLimits } from './budget'
import { colors, finishDocument, mm, openDocument, type PrintDocument, useFont } from './document'
import { fallbackMarks } from './fallback'
import { drawLines, heightOfLine, type PrintLine } from './lines'
import { bodySize, headingLine, writeBlocks, writeHeading } from './richText'
import { stampLines, writeFooters } from './stamp'

const contentWidth = a4ContentWidth

type TocEntry = { id: string; level: 1 | 2; mark?: string; text: string }

const isTocHeading = (block: PrintBlock): block is Extract<PrintBlock, { kind: 'heading' }> => block.kind === 'heading' && block.level <= 2

const markRuns = (mark: string | undefined, before = ''): FlowRun[] => (mark ? [{ muted: true, text: `${before}${mark}` }] : [])

const writeCover = (doc: PrintDocument, input: ManualInput, marks: FallbackMarks) => {
  doc.addPage()
  const lines: PrintLine[] = [
    { color: colors.accent, font: 'bold', size: 13, text: input.programmeName },
    { font: 'bold', gap: mm(60), mark: marks.mark(input.titleFallback), size: 26, text: input.title },
    ...stampLines(input, 10, marks.notice).map((line, index) => (index === 0 ? { ...line, gap: mm(15) } : line)),
  ]
  drawLines(doc, lines, a4Margins.left, a4Margins.top + mm(20), contentWidth)
}

const numberWidth = 36

const tocLine = ({ level, mark, text }: TocEntry): PrintLine => ({
  font: level === 1 ? 'bold' : 'regular',
  gap: level === 1 ? bodySize * 0.8 : bodySize * 0.3,
  indent: level === 1 ? 0 : 14,
  mark,
  size: bodySize,
  text,
})

/**
 * Lays the table of contents out over consecutive pages and returns how many it takes. Without
 * `placed` it only measures: the pages are reserved before the content, whose page numbers are
 * known only once it is written, and then filled in with the same layout.
 */
const layoutToc = (
  doc: PrintDocument,
  input: ManualInput,
  entries: TocEntry[],
  placed?: { firstPage: number; pageOf: Map<string, number> },
): number => {
  const title = headingLine(1, input.labels.contents)
  const textWidth = contentWidth - numberWidth
  const bottom = a4.height - a4Margins.bottom
  let page = 0
  let y = a4Margins.top + heightOfLine(doc, title, contentWidth) + title.size
  if (placed) {
    doc.switchToPage(placed.firstPage)
    drawLines(doc, [title], a4Margins.left, a4Margins.top, contentWidth)
  }
  for (const entry of entries) {
    const line = tocLine(entry)
    const height = heightOfLine(doc, line, textWidth)
    if (y + height > bottom) {
      page++
      y = a4Margins.top
    }
    if (placed) {
      doc.switchToPage(placed.firstPage + page)
      drawLines(doc, [line], a4Margins.left, y, textWidth)
      useFont(doc, line.font, line.size)
      doc.text(String(placed.pageOf.get(entry.id)), a4Margins.left + textWidth, y + (line.gap ?? 0), {
        align: 'right',
        width: numberWidth,
      })
      doc.goTo(a4Margins.left, y, contentWidth, height, entry.id)
    }
    y += height
  }
  return page + 1
}

/** A paragraph is laid out in one stretch (budget.ts): one too long is refused before anything is laid out. */
const refuseOverlongParagraphs = (input: ManualInput) => {
  const parts: Array<[where: string, blocks: FlowBlock[]]> = [
    ['the description', input.description],
    ...input.modules.map((module): [string, FlowBlock[]] => [
      `${module.code} — ${module.title}`,
      [...module.objectives.map(({ text }): FlowBlock => ({ kind: 'paragraph', runs: [{ text }] })), ...module.content],
    ]),
  ]
  for (const [where, blocks] of parts) {
    const longest = longestText(blocks)
    if (longest > MAX_PARAGRAPH_CHARACTERS) {
      throw new Error(
        `A paragraph in ${where} is ${longest.toLocaleString('en')} characters long; the manual prints paragraphs of up to ${MAX_PARAGRAPH_CHARACTERS.toLocaleString('en')}: break it up.`,
      )
    }
  }
}

/**
 * The practitioners' manual: a cover, a table of contents with page numbers, the description and
 * one chapter per module, with page numbers, the stamp and the funding line in every footer.
 */
export const renderManual = async (input: ManualInput, limits: RenderLimits = {}): Promise<RenderedPrint> => {
  refuseOverlongParagraphs(input)
  const doc = openDocument(input, ['manual'], a4Page)
  const checkpoint = pageCheckpoint(
    doc,
    limits,
    (maxPages, where) => `The manual runs past ${maxPages} pages (in ${where}): split it into several manuals or shorten its modules.`,
  )
  const marks = fallbackMarks(input)
  writeCover(doc, input, marks)

  const descriptionEntries: TocEntry[] = input.description
    .filter(isTocHeading)
    .map((heading, index) => ({ id: `heading-${index}`, level: heading.level === 1 ? 1 : 2, text: heading.text }))
  const moduleEntries: TocEntry[] = input.modules.map((module, index) => ({
    id: `module-${index}`,
    level: 1,
    mark: marks.mark(module.titleFallback),
    text: `${module.code} — ${module.title}`,
  }))
  const entries = [...descriptionEntries, ...moduleEntries]
  const tocPages = layoutToc(doc, input, entries)
  for (let page = 0; page < tocPages; page++) {
    doc.addPage()
  }

  const pageOf = new Map<string, number>()
  let chapter: PDFKit.PDFOutline | undefined
  const place = (entry: TocEntry, top: number) => {
    const page = doc.bufferedPageRange().count
    pageOf.set(entry.id, page)
    doc.addNamedDestination(entry.id, 'FitH', doc.page.height - top)
    const parent = entry.level === 2 && chapter ? chapter : doc.outline
    const item = parent.addItem(entry.text)
    if (entry.level === 1) {
      chapter = item
    }
  }
  const frame = { width: contentWidth, x: a4Margins.left }
  const writeInSlices = async (blocks: FlowBlock[], sliceFrame: Parameters<typeof writeBlocks>[2], where: string) => {
    for (let start = 0; start < blocks.length; start += BLOCKS_PER_SLICE) {
      writeBlocks(doc, blocks.slice(start, start + BLOCKS_PER_SLICE), sliceFrame)
      await checkpoint(where)
    }
  }
  // Untranslated text as a whole (a description, a module's content) opens with the tag on a line of its own.
  const untranslated = (fallback: boolean | undefined): FlowBlock[] => {
    const runs = markRuns(marks.mark(fallback))
    return runs.length > 0 ? [{ kind: 'paragraph', runs }] : []
  }

  if (input.description.length > 0) {
    doc.addPage()
    let next = 0
    await writeInSlices(
      [...untranslated(input.descriptionFallback), ...input.description],
      {
        ...frame,
        onHeading: (heading, top) => {
          if (isTocHeading(heading)) {
            place(descriptionEntries[next++], top)
          }
        },
      },
      'the description',
    )
  }
  for (const [index, module] of input.modules.entries()) {
    doc.addPage()
    const entry = moduleEntries[index]
    place(entry, writeHeading(doc, headingLine(1, entry.text, entry.mark), frame.x, frame.width))
    const objectives: FlowBlock[] =
      module.objectives.length > 0
        ? [
            { kind: 'heading', level: 3, text: input.labels.learningObjectives },
            {
              items: module.objectives.map(({ fallback, text }) => [{ kind: 'paragraph', runs: [{ text }, ...markRuns(marks.mark(fallback), ' ')] }]),
              kind: 'list',
              ordered: false,
            },
          ]
        : []
    await writeInSlices([...objectives, ...untranslated(module.contentFallback), ...module.content], frame, entry.text)
  }

  layoutToc(doc, input, entries, { firstPage: 1, pageOf })
  writeFooters(doc, input, { from: 1 })
  return finishDocument(doc)
}
