/**
 * p95 latency against data scale, one line per scenario (ours solid, bare dashed), drawn as plain
 * SVG from whichever full-run results exist in bench/results. No chart library: a few lines of
 * string templating are easier to review than a dependency.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { Report } from './report'

const scaleDocuments: Record<string, number> = { '1k': 1_000, '10k': 10_000, '100k': 100_000 }
const palette = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f']
const width = 860
const height = 440
const plot = { bottom: 380, left: 70, right: 560, top: 50 }

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** Full runs only: quick runs are too short to compare across scales. */
export function loadFullReports(resultsDir: string): Report[] {
  if (!fs.existsSync(resultsDir)) {
    return []
  }
  return fs
    .readdirSync(resultsDir)
    .filter((file) => /^latest-(1k|10k|100k)\.json$/.test(file))
    .map((file) => JSON.parse(fs.readFileSync(path.join(resultsDir, file), 'utf8')) as Report)
    .sort((a, b) => (scaleDocuments[a.scale] ?? 0) - (scaleDocuments[b.scale] ?? 0))
}

/** One connection where measured: no queueing, so the latency is the cost of the request itself. */
function chosenConnections(reports: Report[]): number {
  const counts = reports.flatMap((report) => report.rows.map((row) => row.connections))
  return counts.includes(1) ? 1 : Math.min(...counts)
}

function niceMax(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(value, 1)))
  return [1, 2, 5, 10].map((step) => step * magnitude).find((candidate) => candidate >= value) ?? 10 * magnitude
}

export function renderChart(reports: Report[]): string {
  const connections = chosenConnections(reports)
  const scales = reports.map((report) => report.scale)
  const scenarios = [...new Set(reports.flatMap((report) => report.rows.map((row) => row.scenario)))]
  const valueOf = (report: Report, scenario: string, variant: 'bare' | 'ours') =>
    report.rows.find((row) => row.scenario === scenario && row.connections === connections)?.[variant]?.p95
  const allValues = reports.flatMap((report) => scenarios.flatMap((id) => [valueOf(report, id, 'ours') ?? 0, valueOf(report, id, 'bare') ?? 0]))
  const yMax = niceMax(Math.max(1, ...allValues))
  const logs = scales.map((scale) => Math.log10(scaleDocuments[scale] ?? 1))
  const [minLog, maxLog] = [Math.min(...logs), Math.max(...logs)]
  const x = (scale: string) =>
    maxLog === minLog ? (plot.left + plot.right) / 2 : plot.left + 30 + ((Math.log10(scaleDocuments[scale] ?? 1) - minLog) / (maxLog - minLog)) * (plot.right - plot.left - 60)
  const y = (ms: number) => plot.bottom - (ms / yMax) * (plot.bottom - plot.top)

  const grid = [0, 0.25, 0.5, 0.75, 1].map((fraction) => {
    const ms = yMax * fraction
    return `<line x1="${plot.left}" x2="${plot.right}" y1="${y(ms)}" y2="${y(ms)}" stroke="#ddd"/><text x="${plot.left - 8}" y="${y(ms) + 4}" text-anchor="end">${Number(ms.toPrecision(3))}</text>`
  })
  const xTicks = scales.map((scale) => `<text x="${x(scale)}" y="${plot.bottom + 20}" text-anchor="middle">${escape(scale)}</text>`)
  const series = scenarios.flatMap((id, index) => {
    const color = palette[index % palette.length]!
    return (['ours', 'bare'] as const).flatMap((variant) => {
      const points = reports.flatMap((report) => {
        const value = valueOf(report, id, variant)
        return value === undefined ? [] : [`${x(report.scale).toFixed(1)},${y(value).toFixed(1)}`]
      })
      if (points.length === 0) {
        return []
      }
      const dash = variant === 'bare' ? ' stroke-dasharray="5 4"' : ''
      const dots = points.map((point) => `<circle cx="${point.split(',')[0]}" cy="${point.split(',')[1]}" r="3" fill="${color}"/>`)
      return [`<polyline fill="none" stroke="${color}" stroke-width="2"${dash} points="${points.join(' ')}"/>`, ...dots]
    })
  })
  const legend = scenarios.map((id, index) => {
    const top = plot.top + index * 20
    return `<line x1="${plot.right + 20}" x2="${plot.right + 44}" y1="${top}" y2="${top}" stroke="${palette[index % palette.length]}" stroke-width="2"/><text x="${plot.right + 50}" y="${top + 4}">${escape(id)}</text>`
  })

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="#fff"/>
<text x="${plot.left}" y="24" font-size="15" font-weight="bold">p95 latency vs. data scale, ${connections} connection${connections === 1 ? '' : 's'} (ours solid, bare dashed)</text>
${grid.join('\n')}
<line x1="${plot.left}" x2="${plot.left}" y1="${plot.top}" y2="${plot.bottom}" stroke="#333"/>
<line x1="${plot.left}" x2="${plot.right}" y1="${plot.bottom}" y2="${plot.bottom}" stroke="#333"/>
${xTicks.join('\n')}
<text x="${(plot.left + plot.right) / 2}" y="${plot.bottom + 44}" text-anchor="middle">documents (log scale)</text>
<text transform="translate(18 ${(plot.top + plot.bottom) / 2}) rotate(-90)" text-anchor="middle">p95 ms</text>
${series.join('\n')}
${legend.join('\n')}
</svg>
`
}

/** Redraws the chart from the results on disk; returns its path, or undefined without full results. */
export function writeChart(resultsDir: string): string | undefined {
  const reports = loadFullReports(resultsDir)
  if (reports.length === 0) {
    return undefined
  }
  const file = path.join(resultsDir, 'p95-vs-scale.svg')
  fs.writeFileSync(file, renderChart(reports))
  return file
}
