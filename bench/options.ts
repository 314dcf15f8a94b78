/** Command-line options of `npm run bench`; every value is checked, a bad one stops the run with usage. */
import type { Variant } from './server'

import { scenarioGroups, scenarioIds } from './scenarios'

export type Scale = '100k' | '10k' | '1k'
export type BuildMode = 'auto' | 'force' | 'skip'

export type Options = {
  build: BuildMode
  connections: number[]
  durationSeconds: number
  /** `--instances 2`: each variant runs as two servers on one database file (ours: and one Redis), load split over both. */
  instances: 1 | 2
  keepFiles: boolean
  /** Locale of the public reads (falling back to en). */
  locale: string
  /** `--print`: time the print worker instead (bench/printBench.ts); `printRounds` changes per template. */
  print: boolean
  printRounds: number
  quick: boolean
  /** Server boots in order; ours and bare alternate so that drift of the machine cancels. */
  rounds: Variant[]
  scale: Scale
  /** `--scenarios`: ids or group names to run; undefined runs all (quick: the quick ones). */
  scenarios?: string[]
  warmupSeconds: number
}

export const documentsPerScale: Record<Scale, number> = { '1k': 1_000, '10k': 10_000, '100k': 100_000 }

export const usage = `usage: npm run bench -- [--scale 1k|10k|100k] [--quick] [--duration S] [--warmup S]
                         [--connections 1,10,50] [--pairs N] [--locale nl] [--instances 1|2]
                         [--scenarios id,group,…] [--no-build | --build] [--keep]
       npm run bench -- --print [--rounds N] [--keep]

  --scale        documents across the content collections (default 1k)
  --quick        1k-style short run for development: 3 s runs, connections 1 and 10, one ours/bare
                 pair, fewer scenarios, no Next build (the API scenarios do not use it)
  --duration     seconds per measured run (default 10, quick 3)
  --warmup       seconds of warm-up per scenario, not recorded (default 3, quick 1)
  --connections  comma-separated concurrent connections (default 1,10,50; quick 1,10)
  --pairs        rounds of ours (cache off), cached (cache on) and bare, interleaved (default 2,
                 quick 1); a variant with no chosen scenario is left out
  --locale       locale of the public read scenarios, falling back to en (default nl)
  --instances    1 (default) or 2: two API instances per variant on one database file, ours with
                 one shared Redis (RUN_JOBS=false), load split over both, and a publish-on-one,
                 read-on-the-other loop that counts stale reads
  --scenarios    only these, comma-separated: scenario ids (${scenarioIds.slice(0, 2).join(', ')}, …, see
                 bench/README.md) or groups: ${Object.keys(scenarioGroups).join(', ')} (cold: the five public reads on
                 ours and bare; cached: their cached twins). A cached scenario brings its cold read on
                 bare as the baseline. Overrides --quick's choice. Results: latest-<scale>-subset.*
  --no-build     never run \`next build\`; --build: always (default: when .next is missing or stale)
  --keep         keep the temporary databases and server logs
  --print        time the print worker: a pocket card in three languages and a 40-page manual,
                 rendered again after each change (see bench/README.md)
  --rounds       --print only: changes per template (default 10, with --quick 3)`

class UsageError extends Error {}

function positive(name: string, raw: string | undefined, max: number): number {
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new UsageError(`${name} must be a whole number from 1 to ${max}, got "${raw ?? ''}"`)
  }
  return value
}

function connectionList(raw: string | undefined): number[] {
  const values = (raw ?? '').split(',').map((part) => positive('--connections', part.trim(), 1000))
  return [...new Set(values)].sort((a, b) => a - b)
}

function scenarioList(raw: string | undefined): string[] {
  const names = [...new Set((raw ?? '').split(',').map((part) => part.trim()).filter(Boolean))]
  const unknown = names.filter((name) => !scenarioIds.includes(name) && !(name in scenarioGroups))
  if (names.length === 0 || unknown.length > 0) {
    throw new UsageError(`--scenarios takes ids or groups (${[...Object.keys(scenarioGroups), ...scenarioIds].join(', ')}), got "${unknown.join(',') || raw || ''}"`)
  }
  return names
}

export function parseOptions(argv: string[]): Options {
  const flags = new Map<string, string | undefined>()
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!
    const [name, inline] = arg.split('=', 2) as [string, string | undefined]
    const takesValue = ['--connections', '--duration', '--instances', '--locale', '--pairs', '--rounds', '--scale', '--scenarios', '--warmup'].includes(name)
    if (!['--build', '--keep', '--no-build', '--print', '--quick'].includes(name) && !takesValue) {
      throw new UsageError(`unknown option ${arg}`)
    }
    flags.set(name, takesValue ? (inline ?? argv[++index]) : undefined)
  }
  const quick = flags.has('--quick')
  const scale = (flags.get('--scale') ?? '1k') as Scale
  if (!(scale in documentsPerScale)) {
    throw new UsageError(`--scale must be 1k, 10k or 100k, got "${scale}"`)
  }
  const locale = flags.get('--locale') ?? 'nl'
  if (!/^[a-z]{2,3}$/.test(locale)) {
    throw new UsageError(`--locale must be a locale code such as nl, got "${locale}"`)
  }
  if (flags.has('--rounds') && !flags.has('--print')) {
    throw new UsageError('--rounds applies to --print only (the API benchmark takes --pairs)')
  }
  const pairs = flags.has('--pairs') ? positive('--pairs', flags.get('--pairs'), 10) : quick ? 1 : 2
  const instances = flags.has('--instances') ? positive('--instances', flags.get('--instances'), 2) : 1
  const scenarios = flags.has('--scenarios') ? scenarioList(flags.get('--scenarios')) : undefined
  return {
    build: flags.has('--no-build') ? 'skip' : flags.has('--build') ? 'force' : quick ? 'skip' : 'auto',
    connections: flags.has('--connections') ? connectionList(flags.get('--connections')) : quick ? [1, 10] : [1, 10, 50],
    durationSeconds: flags.has('--duration') ? positive('--duration', flags.get('--duration'), 600) : quick ? 3 : 10,
    instances: instances as 1 | 2,
    keepFiles: flags.has('--keep'),
    locale,
    print: flags.has('--print'),
    printRounds: flags.has('--rounds') ? positive('--rounds', flags.get('--rounds'), 100) : quick ? 3 : 10,
    quick,
    // Variants without a chosen scenario are left out of the rounds by the run.
    rounds: Array.from({ length: pairs }, (): Variant[] => ['ours', 'cached', 'bare']).flat(),
    scale,
    scenarios,
    warmupSeconds: flags.has('--warmup') ? positive('--warmup', flags.get('--warmup'), 600) : quick ? 1 : 3,
  }
}

export function parseOptionsOrExit(argv: string[]): Options {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage)
    process.exit(0)
  }
  try {
    return parseOptions(argv)
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${usage}`)
      process.exit(2)
    }
    throw error
  }
}
