import type { PrintDocument } from './document'
import type { FlowBlock } from './richText'

/** What a print may cost: beyond it the render stops with a message for the editor. */
export type RenderLimits = {
  /** Pages of a manual or a hotline directory (A4). @default 400 */
  maxPages?: number
}

export const DEFAULT_MAX_PAGES = 400

/**
 * One paragraph is laid out in one stretch, so it is the slice that cannot be cut: 924,000
 * characters (the request-body limit) held the loop for 735 ms. 20,000 is about five pages.
 */
export const MAX_PARAGRAPH_CHARACTERS = 20_000

/** The longest paragraph, quote or heading among `blocks`, list items included, in characters. */
export const longestText = (blocks: FlowBlock[]): number =>
  blocks.reduce((longest, block) => {
    const length =
      block.kind === 'list'
        ? Math.max(0, ...block.items.map(longestText))
        : block.kind === 'heading'
          ? block.text.length
          : block.runs.reduce((sum, run) => sum + run.text.length, 0)
    return Math.max(longest, length)
  }, 0)

/** Top-level blocks laid out between two checkpoints: a few pages, some tens of milliseconds. */
export const BLOCKS_PER_SLICE = 25

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * pdfkit lays text out synchronously, and the worker runs in a process that may also serve
 * requests: a manual made of modules at the body-size limit took 5.7 s for 3,162 pages in one
 * stretch. Long prints are therefore written in slices with a checkpoint after each, which gives
 * the event loop a turn and stops the render once the print has grown past `maxPages` — at most
 * one slice past it, so the cost of the worst input is bounded by the limit, not by the input.
 */
export const pageCheckpoint = (doc: PrintDocument, limits: RenderLimits, tooLong: (maxPages: number, where: string) => string) => {
  const maxPages = limits.maxPages ?? DEFAULT_MAX_PAGES
  return async (where: string) => {
    if (doc.bufferedPageRange().count > maxPages) {
      throw new Error(tooLong(maxPages, where))
    }
    await yieldToEventLoop()
  }
}
