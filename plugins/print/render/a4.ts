import { mm, type PageSetup } from './document'
import { footerHeight } from './stamp'

/** The manual's and the directory's page: A4, with the footer in the bottom margin. */
export const a4 = { height: 841.89, width: 595.28 }
export const a4Margins = { bottom: mm(15) + footerHeight, left: mm(22), right: mm(22), top: mm(20) }
export const a4ContentWidth = a4.width - a4Margins.left - a4Margins.right

export const a4Page: PageSetup = { margins: a4Margins, size: [a4.width, a4.height] }
