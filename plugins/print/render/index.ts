import type { RenderLimits } from './budget'
import type { PrintInput, RenderedPrint } from './types'

import { renderDirectory } from './directory'
import { renderManual } from './manual'
import { renderPocketCard } from './pocketCard'

export { DEFAULT_MAX_PAGES } from './budget'
export type { RenderLimits } from './budget'
export { defaultPrintLabels, labelsFor, languageNames, printLanguage } from './labels'
export { renderPreview } from './preview'
export type * from './types'

/**
 * Turns a print's plain input into its print-ready PDF; text that cannot fit, or a print longer
 * than `limits.maxPages`, rejects with what is too long.
 */
export const renderPrint = async (input: PrintInput, limits: RenderLimits = {}): Promise<RenderedPrint> => {
  switch (input.template) {
    case 'hotline-directory':
      return renderDirectory(input, limits)
    case 'manual':
      return renderManual(input, limits)
    case 'pocket-card':
      return renderPocketCard(input)
  }
}
