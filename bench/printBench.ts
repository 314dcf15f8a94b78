/**
 * `npm run bench -- --print`: how long the print worker takes for a pocket card and a 40-page manual.
 * bench/print.ts does the work in a process of its own on a fresh SQLite file; this writes
 * bench/results/print-latest.{json,md} from what it measured.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { Options } from './options'
import type { PrintBenchResult } from './print'

import { projectRoot } from '../src/lib/paths'
import { runLogged } from './processes'

/** 19 modules of the bench content (bench/printContent.ts) make a manual of just over 40 A4 pages. */
const manualModules = 19

type Summary = { max: number; median: number; min: number; p95: number; samples: number }

function summary(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)]!
  return { max: sorted.at(-1)!, median: at(0.5), min: sorted[0]!, p95: at(0.95), samples: sorted.length }
}

export type PrintReport = {
  generatedAt: string
  machine: Record<string, number | string>
  measured: PrintBenchResult
  ratios: { confirmVsCardJob: number; manualVsCard: number }
  rows: Array<{ label: string; pages: number; summary: Summary }>
  run: { quick: boolean; rounds: number; wallSeconds: number }
}

const ms = (value: number) => `${Math.round(value)}`

function markdown(report: PrintReport): string {
  const { measured, ratios } = report
  const lines = [
    `# Print generation, ${report.generatedAt.slice(0, 10)}`,
    '',
    `${report.run.rounds} changes per template on ${report.machine.cpus} × ${report.machine.cpuModel}, Node ${report.machine.node}, commit ${report.machine.commit}; ` +
      `embedded SQLite, the job run as the worker runs it (\`npm run bench -- --print\`, bench/README.md).`,
    '',
    '| what | pages | median ms | p95 ms | min–max ms | samples |',
    '|---|---:|---:|---:|---:|---:|',
    ...report.rows.map(({ label, pages, summary: s }) => `| ${label} | ${pages || '–'} | ${ms(s.median)} | ${ms(s.p95)} | ${ms(s.min)}–${ms(s.max)} | ${s.samples} |`),
    '',
    `- The manual (${measured.manual.pages} pages, ${measured.manual.modules} training modules) takes ${ratios.manualVsCard.toFixed(2)}× one pocket card edition (median render, preview and storage per PDF).`,
    `- A change no print shows costs ${ratios.confirmVsCardJob.toFixed(2)}× a change the three cards print: the run confirms the editions without rendering.`,
    `- The very first run, everything new in a fresh process (fonts read, code compiled): ${ms(measured.first.jobMs)} ms for the three cards and the manual.`,
    '',
    'The renderer alone on the longest content the request limits allow, with a 5 ms timer watching the event loop:',
    '',
    '| content | outcome | pages | ms | longest the loop was held, ms |',
    '|---|---|---:|---:|---:|',
    ...measured.limits.map(({ label, outcome, pages, renderMs, worstLoopGapMs }) => `| ${label} | ${outcome} | ${pages || '–'} | ${ms(renderMs)} | ${ms(worstLoopGapMs)} |`),
    '',
  ]
  return lines.join('\n')
}

export async function runPrintBench(
  ws: { dir: string; env: NodeJS.ProcessEnv },
  options: Options,
  machine: Record<string, number | string>,
  log: (message: string) => void,
): Promise<string[]> {
  const started = Date.now()
  const resultFile = path.join(ws.dir, 'print-result.json')
  log(`print: a pocket card in three languages and a ${manualModules}-module manual, ${options.printRounds} changes each…`)
  await runLogged(process.execPath, ['--conditions=development', '--import', 'tsx', 'bench/print.ts', String(options.printRounds), String(manualModules), resultFile], {
    // Development mode: the adapter pushes the schema into the fresh file; the queue runs only when told.
    env: { ...ws.env, DATABASE_URI: `file:${path.join(ws.dir, 'print.db')}`, LOG_LEVEL: 'warn', NODE_ENV: 'development', RUN_JOBS: 'false' },
    logFile: path.join(ws.dir, 'print.log'),
    timeoutMs: 30 * 60_000,
  })
  const measured = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as PrintBenchResult
  if (measured.manual.pages < 40) {
    throw new Error(`the bench manual has ${measured.manual.pages} pages, fewer than the 40 it is meant to measure: add modules`)
  }
  const cardRenders = Object.values(measured.card.renderMs).flat()
  const rows: PrintReport['rows'] = [
    ...Object.entries(measured.card.renderMs).map(([locale, values]) => ({ label: `pocket card (${locale}), one edition`, pages: measured.card.pages, summary: summary(values) })),
    { label: 'pocket card, all three editions', pages: measured.card.pages, summary: summary(cardRenders) },
    { label: `manual (en), one edition`, pages: measured.manual.pages, summary: summary(measured.manual.renderMs) },
    { label: 'job run: three pocket cards rendered', pages: 0, summary: summary(measured.card.jobMs) },
    { label: 'job run: the manual rendered', pages: 0, summary: summary(measured.manual.jobMs) },
    { label: 'job run: three pocket cards confirmed unchanged', pages: 0, summary: summary(measured.confirm.jobMs) },
  ]
  const report: PrintReport = {
    generatedAt: new Date().toISOString(),
    machine,
    measured,
    ratios: {
      confirmVsCardJob: summary(measured.confirm.jobMs).median / summary(measured.card.jobMs).median,
      manualVsCard: summary(measured.manual.renderMs).median / summary(cardRenders).median,
    },
    rows,
    run: { quick: options.quick, rounds: options.printRounds, wallSeconds: (Date.now() - started) / 1000 },
  }
  const base = path.join(projectRoot, 'bench', 'results', `print-latest${options.quick ? '-quick' : ''}`)
  fs.mkdirSync(path.dirname(base), { recursive: true })
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`)
  fs.writeFileSync(`${base}.md`, markdown(report))
  console.log(`\n${markdown(report)}`)
  return [`${base}.json`, `${base}.md`]
}
