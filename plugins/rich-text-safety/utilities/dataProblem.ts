import type { ResolvedRichTextSafetyOptions } from '../types'

type UnknownRecord = Record<string, unknown>

const isRecord = (value: unknown): value is UnknownRecord => typeof value === 'object' && value !== null && !Array.isArray(value)

/** A Lexical editor state, wherever it sits in a write's data (a field, a locale of a field, a block). */
const looksLikeRichText = (value: UnknownRecord): boolean => 'root' in value

/**
 * The first problem in a write's data: nesting deeper than `maxDataDepth`, or a rich text value
 * `richTextProblem` refuses; with the path where it was found. One pass with its own stack.
 */
export const dataProblem = (data: unknown, { maxDataDepth, richTextProblem }: ResolvedRichTextSafetyOptions): null | { message: string; path: string } => {
  const pending: Array<{ depth: number; path: string[]; value: unknown }> = [{ depth: 0, path: [], value: data }]
  while (pending.length > 0) {
    const { depth, path, value } = pending.pop()!
    if (depth > maxDataDepth) {
      return { message: `The data nests more than ${maxDataDepth} levels deep.`, path: path.join('.') }
    }
    if (isRecord(value) && looksLikeRichText(value)) {
      const message = richTextProblem(value)
      if (message) {
        return { message, path: path.join('.') }
      }
    }
    // Rich text included: a node's other properties can nest too.
    if (Array.isArray(value) || isRecord(value)) {
      for (const [key, child] of Object.entries(value)) {
        if (typeof child === 'object' && child !== null) {
          pending.push({ depth: depth + 1, path: [...path, key], value: child })
        }
      }
    }
  }
  return null
}
