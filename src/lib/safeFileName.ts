import { slugify } from './slugify'

/**
 * Turns whatever name a browser sent into a plain, portable file name: ASCII letters, digits,
 * dashes and one extension, lower-case. Accents are folded ("Évaluation.pdf" → "evaluation.pdf");
 * path parts, control characters and shell-significant characters are dropped.
 */
export function safeFileName(original: string, fallbackStem = 'file'): string {
  const base = original.split(/[\\/]/).pop() ?? ''
  const lastDot = base.lastIndexOf('.')
  const stem = lastDot > 0 ? base.slice(0, lastDot) : base
  const extension = lastDot > 0 ? base.slice(lastDot + 1) : ''

  const safeStem = slugify(stem).slice(0, 100) || fallbackStem
  const safeExtension = slugify(extension).replace(/-/g, '').slice(0, 10)
  return safeExtension ? `${safeStem}.${safeExtension}` : safeStem
}
