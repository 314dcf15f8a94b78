import type { ResolvedRichTextSafetyOptions, RichTextSafetyOptions } from './types'

import { DEFAULT_MAX_DATA_DEPTH } from './constants'

/** Fills in the defaults once; throws at start for a depth that cannot work. */
export function resolveRichTextSafetyOptions(options: RichTextSafetyOptions): ResolvedRichTextSafetyOptions {
  const maxDataDepth = options.maxDataDepth ?? DEFAULT_MAX_DATA_DEPTH
  if (!Number.isInteger(maxDataDepth) || maxDataDepth < 1) {
    throw new Error(`richTextSafety: maxDataDepth must be a whole number of 1 or more; got ${maxDataDepth}.`)
  }
  return { maxDataDepth, richTextProblem: options.richTextProblem }
}
