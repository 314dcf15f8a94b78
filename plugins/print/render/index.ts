import type { PrintInput, RenderedPrint } from './types'

import { renderDirectory } from './directory'
import { renderManual } from './manual'
import { renderPocketCard } from './pocketCard'

export { defaultPrintLabels, labelsFor, languageNames, printLanguage } from './labels'
export { renderPreview } from './preview'
export type * from './types'

/** Turns a print's plain input into its print-ready PDF; text that cannot fit rejects with what is too long. */

export const renderPrint = async (input: PrintInput): Promise<RenderedPrint> => {
  switch (input.template) {
    case 'hotline-directory':
      return renderDirectory(input)
    case 'manual':
      return renderManual(input)
    case 'pocket-card':
      return renderPocketCard(input)
  }
}
