/**
 * Print generation times, as the worker spends them: `npm run bench -- --print` runs this in its
 * own process on a fresh SQLite file (bench/printBench.ts sets the environment):
 *
 *   DATABASE_URI=file:/tmp/x.db node --conditions=development --import tsx bench/print.ts <rounds> <modules> <result.json>
 *
 * Each round makes one change an editor makes and runs the queue, timing the whole run:
 * - the pocket card's layout (crop marks on or off), which every language's card prints, so the
 *   English, Hungarian and Romanian cards are rendered again;
 * - the manual's description, so the manual (one edition: its translation does not exist) is
 *   rendered again;
 * - the card's audiences, which no print shows: the run confirms the three editions unchanged.
 * The editions' own `renderMs` (render, first-page preview, storing both) gives the per-PDF figure.
 */
import type { Payload } from 'payload'

import fs from 'node:fs'
import { getPayload } from 'payload'

import { labelsFor, printLanguage, renderPrint } from '../plugins/print/render'
import { closeDatabase } from '../src/db'
import { paragraphs } from '../src/lib/richText'
import { runJobsUntilIdle } from '../src/lib/runJobsUntilIdle'
import { printedLocales, seedPrintContent } from './printContent'

type Id = number | string
type Edition = { locale: string; pages?: number; renderMs?: number; status: string; template: string }

/** The renderer alone on the longest content the limits allow, with the event loop watched meanwhile. */
export type LimitCase = { label: string; outcome: string; pages: number; renderMs: number; worstLoopGapMs: number }

export type PrintBenchResult = {
  card: { jobMs: number[]; pages: number; renderMs: Record<string, number[]> }
  confirm: { jobMs: number[] }
  first: { jobMs: number }
  limits: LimitCase[]
  manual: { jobMs: number[]; modules: number; pages: number; renderMs: number[] }
  rounds: number
}

async function editions(payload: Payload, deliverable: Id): Promise<Edition[]> {
  const { docs } = await payload.find({ collection: 'print-editions', depth: 0, limit: 20, overrideAccess: true, where: { deliverable: { equals: deliverable } } })
  const found = docs as unknown as Edition[]
  const notCurrent = found.filter(({ status }) => status !== 'current')
  if (notCurrent.length) {
    throw new Error(`editions not current after the run: ${notCurrent.map(({ locale, status, template }) => `${template} ${locale} ${status}`).join(', ')}`)
  }
  return found
}

async function timedRun(payload: Payload): Promise<number> {
  const started = performance.now()
  await runJobsUntilIdle(payload)
  return performance.now() - started
}

/**
 * Runs `work` while a 5 ms interval timer notes the longest gap between its ticks: how long the
 * event loop was held, which is what a request to this process would have waited.
 */
async function watchingTheLoop<T>(work: () => Promise<T>): Promise<{ ms: number; result: PromiseSettledResult<T>; worstGapMs: number }> {
  let last = performance.now()
  let worstGapMs = 0
  const timer = setInterval(() => {
    const now = performance.now()
    worstGapMs = Math.max(worstGapMs, now - last)
    last = now
  }, 5)
  const started = performance.now()
  const [result] = await Promise.allSettled([work()])
  const ms = performance.now() - started
  // One more tick, so a stretch held up to the very end is counted too.
  await new Promise((resolve) => setTimeout(resolve, 20))
  clearInterval(timer)
  return { ms, result: result!, worstGapMs }
}

/** Manuals at the limits: modules of 6,000 paragraphs (about 320 pages each, some 700 kB of text: the body limit is 1 MB). */
async function limitCases(): Promise<LimitCase[]> {
  const paragraph = (index: number) => ({
    kind: 'paragraph' as const,
    runs: [{ text: `Paragraph ${index + 1}: practitioners who meet a possible victim first make sure the person is safe and understands what happens next.` }],
  })
  const manual = (modules: number, content: () => Array<ReturnType<typeof paragraph> | { kind: 'paragraph'; runs: { text: string }[] }>) => ({
    description: [],
    fundingLine: 'Funded by the European Union',
    labels: labelsFor('en'),
    modules: Array.from({ length: modules }, (_, index) => ({ code: `M${index + 1}`, content: content(), objectives: [], title: `Module ${index + 1}` })),
    programmeName: 'Joint Efforts',
    stamp: { ...printLanguage('en'), generatedAt: new Date().toISOString(), locale: 'en', version: 'limits' },
    template: 'manual' as const,
    title: 'Manual at the limits',
  })
  const cases: Array<[string, ReturnType<typeof manual>]> = [
    ['one module of 6,000 paragraphs', manual(1, () => Array.from({ length: 6000 }, (_, index) => paragraph(index)))],
    ['ten modules of 6,000 paragraphs (past the 400-page cap)', manual(10, () => Array.from({ length: 6000 }, (_, index) => paragraph(index)))],
    ['one paragraph of 924,000 characters (past the 20,000 cap)', manual(1, () => [{ kind: 'paragraph', runs: [{ text: 'Make sure the person is safe. '.repeat(30_800) }] }])],
  ]
  const measured: LimitCase[] = []
  for (const [label, input] of cases) {
    const { ms, result, worstGapMs } = await watchingTheLoop(() => renderPrint(input))
    measured.push({
      label,
      outcome: result.status === 'fulfilled' ? 'rendered' : `refused: ${(result.reason as Error).message}`,
      pages: result.status === 'fulfilled' ? result.value.pages : 0,
      renderMs: ms,
      worstLoopGapMs: worstGapMs,
    })
  }
  return measured
}

async function main(): Promise<void> {
  const [rounds, modules, resultFile] = process.argv.slice(2)
  if (!Number(rounds) || !Number(modules) || !resultFile) {
    throw new Error('usage: print.ts <rounds> <manual modules> <result.json>')
  }
  const payload = await getPayload({ config: (await import('../payload.config')).default })
  const content = await seedPrintContent(payload, { manualModules: Number(modules) })
  const result: PrintBenchResult = {
    card: { jobMs: [], pages: 0, renderMs: Object.fromEntries(printedLocales.map((locale) => [locale, []])) },
    confirm: { jobMs: [] },
    // Everything at once, on a process that has not rendered yet: fonts loaded, code compiled.
    first: { jobMs: await timedRun(payload) },
    limits: [],
    manual: { jobMs: [], modules: Number(modules), pages: 0, renderMs: [] },
    rounds: Number(rounds),
  }
  const cards = await editions(payload, content.card)
  if (cards.map(({ locale }) => locale).sort().join() !== [...printedLocales].sort().join()) {
    throw new Error(`the pocket card has editions in ${cards.map(({ locale }) => locale).join(', ')}, expected ${printedLocales.join(', ')}`)
  }
  const update = (id: Id, data: Record<string, unknown>) => payload.update({ id, collection: 'deliverables', data: data as never, locale: 'en', overrideAccess: true })
  for (let round = 0; round < result.rounds; round += 1) {
    await update(content.card, { printLayout: { cropMarks: round % 2 === 0 } })
    result.card.jobMs.push(await timedRun(payload))
    for (const edition of await editions(payload, content.card)) {
      result.card.renderMs[edition.locale]!.push(edition.renderMs ?? Number.NaN)
      result.card.pages = edition.pages ?? 0
    }
    await update(content.manual, { description: paragraphs(`How practitioners identify, refer and assist victims (revision ${round + 1}).`) })
    result.manual.jobMs.push(await timedRun(payload))
    const [manual] = await editions(payload, content.manual)
    result.manual.renderMs.push(manual?.renderMs ?? Number.NaN)
    result.manual.pages = manual?.pages ?? 0
    await update(content.card, { audiences: round % 2 === 0 ? ['law-enforcement', 'border-guards'] : ['law-enforcement', 'border-guards', 'ngos'] })
    result.confirm.jobMs.push(await timedRun(payload))
    console.log(`round ${round + 1}/${result.rounds}: card ${result.card.jobMs.at(-1)!.toFixed(0)} ms, manual ${result.manual.jobMs.at(-1)!.toFixed(0)} ms, confirm ${result.confirm.jobMs.at(-1)!.toFixed(0)} ms`)
  }
  result.limits = await limitCases()
  fs.writeFileSync(resultFile, `${JSON.stringify(result, null, 2)}\n`)
  await closeDatabase(payload)
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
