import { createHash } from 'node:crypto'

import type { PrintInput } from '../render/types'

/**
 * The version of a print: a fingerprint of exactly what it shows. Equal inputs give equal
 * versions, so the worker re-renders only when the printed content changed, and a reader can
 * compare the version on a card in their hand with the one the API offers.
 */
export function printVersion(input: PrintInput): string {
  const { stamp, ...content } = input
  const hash = createHash('sha256')
    .update(JSON.stringify({ ...content, locale: stamp.locale }))
    .digest('hex')
  return hash.slice(0, 12)
}
