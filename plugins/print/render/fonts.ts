import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Noto Sans covers every Latin script the programme prints in (ő ű ș ț ë å ø …); pdfkit's built-in
 * Helvetica has WinAnsi glyphs only, so every piece of text uses one of these four faces.
 */
export type FontName = 'bold' | 'boldItalic' | 'italic' | 'regular'

// Resolved from a path, not from `import.meta.url` directly: Next's production build rewrites
// `createRequire(import.meta.url).resolve(…)` into a module id (a number), and `next build` failed
// at "Collecting page data" with ERR_INVALID_ARG_TYPE here.
const resolveFromHere = createRequire(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fonts.ts')).resolve
const packageDir = path.dirname(resolveFromHere('@expo-google-fonts/noto-sans/package.json'))

export const fontFiles: Record<FontName, string> = {
  bold: path.join(packageDir, '700Bold', 'NotoSans_700Bold.ttf'),
  boldItalic: path.join(packageDir, '700Bold_Italic', 'NotoSans_700Bold_Italic.ttf'),
  italic: path.join(packageDir, '400Regular_Italic', 'NotoSans_400Regular_Italic.ttf'),
  regular: path.join(packageDir, '400Regular', 'NotoSans_400Regular.ttf'),
}

export const fontFor = ({ bold, italic }: { bold?: boolean; italic?: boolean }): FontName =>
  bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular'
