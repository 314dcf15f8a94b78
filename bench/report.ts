/**
 * Turns raw runs into the report: rounds of the same scenario, variant and connection count are
 * averaged (ours and bare alternate, so slow drift of the machine affects both alike), ours is
 * divided by bare, and the issue's targets are checked. Written as JSON and as Markdown.
 */
import type { LoadResult } from './load'
import type { Kind } from './scenarios'
import type { Variant } from './server'

export type RunRecord = { connections: number; peakRssMb: number; result: LoadResult; round: number; scenario: string; variant: Variant }

export type Aggregate = {
  errors: number
  non2xx: number
  p50: number
  p95: number
  p99: number
  peakRssMb: number
  requestsPerSecond: number
  /** Slowest and fastest round: a wide spread means the machine was noisy. */
  rpsRange: [number, number]
  rounds: number
}

export type Row = {
  bare?: Aggregate
  connections: number
  kind: Kind
  ours?: Aggregate
  /** ours ÷ bare: throughput (higher is better) and p95 latency (lower is better). */
  ratio?: { p95: number; requestsPerSecond: number }
  scenario: string
  title: string
}

export type Report = {
  generatedAt: string
  machine: Record<string, number | string>
  notes: string[]
  rows: Row[]
  run: { connections: number[]; durationSeconds: number; locale: string; quick: boolean; rounds: Variant[]; warmupSeconds: number; wallSeconds: number }
  runs: RunRecord[]
  scale: string
  seed: Record<Variant, { counts: Record<string, number>; seconds: number }>
  targets: string[]
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length)

function aggregate(records: RunRecord[]): Aggregate | undefined {
  if (records.length === 0) {
    return undefined
  }
  const rps = records.map(({ result }) => result.requestsPerSecond)
  return {
    errors: records.reduce((sum, { result }) => sum + result.errors, 0),
    non2xx: records.reduce((sum, { result }) => sum + result.non2xx, 0),
    p50: mean(records.map(({ result }) => result.latencyMs.p50)),
    p95: mean(records.map(({ result }) => result.latencyMs.p95)),
    p99: mean(records.map(({ result }) => result.latencyMs.p99)),
    peakRssMb: Math.max(...records.map(({ peakRssMb }) => peakRssMb)),
    requestsPerSecond: mean(rps),
    rounds: records.length,
    rpsRange: [Math.min(...rps), Math.max(...rps)],
  }
}

export function buildRows(runs: RunRecord[], scenarios: Array<{ id: string; kind: Kind; title: string }>, connections: number[]): Row[] {
  return scenarios.flatMap(({ id, kind, title }) =>
    connections.flatMap((count) => {
      const pick = (variant: Variant) => runs.filter((run) => run.scenario === id && run.connections === count && run.variant === variant)
      const ours = aggregate(pick('ours'))
      const bare = aggregate(pick('bare'))
      if (!ours && !bare) {
        return []
      }
      const ratio = ours && bare ? { p95: ours.p95 / bare.p95, requestsPerSecond: ours.requestsPerSecond / bare.requestsPerSecond } : undefined
      return [{ bare, connections: count, kind, ours, ratio, scenario: id, title }]
    }),
  )
}

const verdict = (ok: boolean, miss: string) => (ok ? 'met' : `MISSED (${miss})`)

/** The issue's targets, evaluated where this run has the data; `previous` is the 1k report, for scale growth. */
export function checkTargets(rows: Row[], previous?: Report): string[] {
  const lines: string[] = []
  for (const row of rows.filter((candidate) => candidate.ratio && candidate.kind === 'read' && candidate.scenario.endsWith('-anon'))) {
    const ratio = row.ratio!.requestsPerSecond
    lines.push(`Public read ≥ 0.9× bare throughput — ${row.scenario} @${row.connections}: ${ratio.toFixed(2)}× — ${verdict(ratio >= 0.9, `by ${(0.9 - ratio).toFixed(2)}×`)}`)
  }
  for (const row of rows.filter((candidate) => candidate.ratio && candidate.kind === 'write')) {
    const ratio = row.ratio!.p95
    lines.push(`Write ≤ 1.5× bare p95 latency — @${row.connections}: ${ratio.toFixed(2)}× — ${verdict(ratio <= 1.5, `by ${(ratio - 1.5).toFixed(2)}×`)}`)
  }
  for (const row of rows.filter((candidate) => candidate.kind === 'export' && candidate.connections === 1 && candidate.ours)) {
    const seconds = row.ours!.p50 / 1000
    lines.push(`XLIFF export < 3 s — p50 ${seconds.toFixed(2)} s — ${verdict(seconds < 3, `by ${(seconds - 3).toFixed(2)} s`)}`)
  }
  for (const row of rows.filter((candidate) => (candidate.kind === 'queue' || candidate.kind === 'gate') && candidate.ours)) {
    const before = previous?.rows.find((candidate) => candidate.scenario === row.scenario && candidate.connections === row.connections)?.ours
    if (before) {
      const growth = row.ours!.p99 / before.p99
      lines.push(`${row.scenario} p99 within 1.3× of ${previous!.scale} — @${row.connections}: ${growth.toFixed(2)}× — ${verdict(growth <= 1.3, `by ${(growth - 1.3).toFixed(2)}×`)}`)
    }
  }
  const peak = Math.max(0, ...rows.map((row) => row.ours?.peakRssMb ?? 0))
  lines.push(`RSS under load < 600 MB — ours peaked at ${peak.toFixed(0)} MB — ${verdict(peak < 600, `by ${(peak - 600).toFixed(0)} MB`)}`)
  return lines
}

const number = (value: number | undefined, digits = 0) => (value === undefined ? '—' : value.toFixed(digits))
const ratioCell = (value: number | undefined) => (value === undefined ? '—' : `${value.toFixed(2)}×`)

export function markdownTable(rows: Row[]): string {
  const header = [
    '| scenario | conn | ours req/s | bare req/s | ours÷bare req/s | ours p50 / p95 / p99 ms | bare p50 / p95 / p99 ms | ours÷bare p95 | non-2xx ours / bare | peak RSS MB ours / bare |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ]
  const lines = rows.map((row) => {
    const { bare, ours } = row
    const latency = (value?: Aggregate) => (value ? `${number(value.p50, 1)} / ${number(value.p95, 1)} / ${number(value.p99, 1)}` : '—')
    return `| ${row.scenario} | ${row.connections} | ${number(ours?.requestsPerSecond)} | ${number(bare?.requestsPerSecond)} | ${ratioCell(row.ratio?.requestsPerSecond)} | ${latency(ours)} | ${latency(bare)} | ${ratioCell(row.ratio?.p95)} | ${ours?.non2xx ?? '—'} / ${bare?.non2xx ?? '—'} | ${number(ours?.peakRssMb)} / ${number(bare?.peakRssMb)} |`
  })
  return [...header, ...lines].join('\n')
}

export function markdownReport(report: Report): string {
  const machine = Object.entries(report.machine).map(([key, value]) => `${key}: ${value}`).join(' · ')
  const counts = Object.entries(report.seed.ours.counts).map(([slug, count]) => `${slug} ${count}`).join(', ')
  const scenarios = [...new Map(report.rows.map((row) => [row.scenario, row.title])).entries()].map(([id, title]) => `- \`${id}\`: ${title}`)
  return [
    `# Benchmark: ${report.scale}${report.run.quick ? ' (quick)' : ''}`,
    '',
    `Generated ${report.generatedAt} in ${Math.round(report.run.wallSeconds)} s. ${machine}.`,
    '',
    `Each measurement: ${report.run.durationSeconds} s after a ${report.run.warmupSeconds} s warm-up per scenario; rounds ${report.run.rounds.join(' → ')}; connections ${report.run.connections.join(', ')}; public reads in \`${report.run.locale}\`${report.run.locale === 'en' ? '' : ', falling back to `en`'}. ` +
      `Latency over every response; req/s and percentiles are means over rounds.`,
    '',
    `Data (ours): ${counts}. Seeded in ${report.seed.ours.seconds.toFixed(0)} s (ours) and ${report.seed.bare.seconds.toFixed(0)} s (bare).`,
    '',
    markdownTable(report.rows),
    '',
    '## Scenarios',
    '',
    ...scenarios,
    '',
    '## Targets (issue 9)',
    '',
    ...report.targets.map((line) => `- ${line}`),
    '',
    '## Notes',
    '',
    ...(report.notes.length ? report.notes.map((note) => `- ${note}`) : ['- none']),
    '',
  ].join('\n')
}
