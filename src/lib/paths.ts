import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root: every relative path in configuration is resolved against it, not the cwd. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Where uploads are written: MEDIA_DIR if set (tests use a temporary folder), else ./media. */
export function mediaDirectory(): string {
  return process.env.MEDIA_DIR ? path.resolve(projectRoot, process.env.MEDIA_DIR) : path.join(projectRoot, 'media')
}
