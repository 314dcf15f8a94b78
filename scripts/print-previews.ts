/**
 * `npm run print:previews`: draws the pocket-card images in docs/print/ from what the print worker
 * really makes. A fresh SQLite file in a temporary folder gets the bench's print content (a
 * released pocket card in English, Hungarian and Romanian with verified hotlines,
 * bench/printContent.ts); the queue runs as the worker runs it; each language's stored PDF is drawn
 * page by page as the worker draws its preview, at the same width. Nothing of the developer's own database
 * or media is touched.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { printedLocales, seedPrintContent } from '../bench/printContent'
import { renderPreview } from '../plugins/print/render'
import { projectRoot } from '../src/lib/paths'
import { runJobsUntilIdle } from '../src/lib/runJobsUntilIdle'

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jec-print-previews-'))
// Before the config is imported: it reads the environment once.
Object.assign(process.env, {
  DATABASE_URI: `file:${path.join(work, 'previews.db')}`,
  LOG_LEVEL: 'warn',
  MEDIA_DIR: path.join(work, 'media'),
  NODE_ENV: 'development',
  // Where the cards' QR codes point: a stand-in for the programme website's address.
  PUBLIC_SITE_URL: 'https://joint-efforts.example.org',
  RUN_JOBS: 'false',
  SEED_ON_START: 'false',
})
const outputDir = path.join(projectRoot, 'docs', 'print')
const widthPx = 600

const { getPayload } = await import('payload')
const { closeDatabase } = await import('../src/db')
const payload = await getPayload({ config: (await import('../payload.config')).default })
try {
  const { card } = await seedPrintContent(payload, { manualModules: 0 })
  await runJobsUntilIdle(payload)
  fs.mkdirSync(outputDir, { recursive: true })
  for (const locale of printedLocales) {
    const { docs } = await payload.find({
      collection: 'print-editions',
      depth: 1,
      overrideAccess: true,
      where: { and: [{ deliverable: { equals: card } }, { locale: { equals: locale } }] },
    })
    const edition = docs[0] as unknown as { pdf?: { filename?: string }; status: string } | undefined
    if (edition?.status !== 'current' || !edition.pdf?.filename) {
      throw new Error(`no current ${locale} pocket card (status ${edition?.status ?? 'none'})`)
    }
    const pdf = fs.readFileSync(path.join(process.env.MEDIA_DIR!, 'print', edition.pdf.filename))
    for (const [page, side] of [
      [1, 'front'],
      [2, 'back'],
    ] as const) {
      const target = path.join(outputDir, `pocket-card-${locale}-${side}.png`)
      fs.writeFileSync(target, await renderPreview(pdf, { page, widthPx }))
      console.log(`wrote ${path.relative(projectRoot, target)}`)
    }
  }
} finally {
  await closeDatabase(payload)
  fs.rmSync(work, { force: true, recursive: true })
}
process.exit(0)
