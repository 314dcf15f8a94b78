import { spawn } from 'node:child_process'

const timeoutMs = 20_000

/**
 * A PNG of one page of the PDF (the first: the editor's preview). poppler's pdftoppm reads the PDF
 * from stdin and writes the PNG to stdout, so nothing touches the disk.
 */
export const renderPreview = (pdf: Buffer, { page = 1, widthPx = 600 }: { page?: number; widthPx?: number } = {}): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const width = String(Math.round(widthPx))
    const args = ['-png', '-f', String(page), '-l', String(page), '-singlefile', '-scale-to-x', width, '-scale-to-y', '-1', '-']
    const child = spawn('pdftoppm', args, { stdio: ['pipe', 'pipe', 'pipe'] })
    const output: Buffer[] = []
    const errors: Buffer[] = []
    // Our own timer rather than spawn's `timeout`, which would keep a failed start's process alive until it fires.
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    const fail = (error: Error) => {
      clearTimeout(timer)
      reject(error)
    }
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => errors.push(chunk))
    child.on('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'ENOENT' ? new Error('pdftoppm (Debian package poppler-utils) is required for print previews') : error),
    )
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) {
        resolve(Buffer.concat(output))
      } else if (signal) {
        reject(new Error(`pdftoppm was stopped (${signal}) before it finished; a preview may take at most ${timeoutMs / 1000} s`))
      } else if (code !== null) {
        reject(new Error(`pdftoppm could not render the preview (exit ${code}): ${Buffer.concat(errors).toString().trim()}`))
      }
    })
    // A pdftoppm that died early closes stdin; its exit code says why, not this write.
    child.stdin.on('error', () => undefined)
    child.stdin.end(pdf)
  })
