/**
 * The measured requests, derived from what the seeded configs actually contain. Scenarios for
 * features that are not built yet (gate status, XLIFF export) are detected by their collection or
 * endpoint and otherwise skipped with a note, so the harness grows with the project unchanged.
 */
import type { LoadRequest } from './load'
import type { ContentInfo, Manifest, SearchInfo } from './manifest'
import type { Variant } from './server'

import { vocabulary } from './fakeData'
import { readPreference } from './seedPlan'

export type Auth = 'anonymous' | 'editor' | 'translator' | 'translator-fr'
/** What the targets compare: public reads by throughput, writes by latency, etc. */
export type Kind = 'cached' | 'export' | 'gate' | 'queue' | 'read' | 'search' | 'suggestions' | 'write'

export type Scenario = {
  id: string
  auth: Auth
  /** Cached scenarios: the scenario whose bare (uncached) run the row is divided by. */
  baseline?: string
  kind: Kind
  /**
   * Checked on every request of the list before measuring: the dotted path (`docs`,
   * `data.Search.docs`) must be a non-empty array. A scenario failing it is not measured and fails
   * the run (after the results are written): measuring an empty or refused search would only
   * measure the cheapest answer.
   */
  mustFind?: string
  /** Part of --quick runs. */
  quick: boolean
  /** Requests in rotation; the Authorization header is added per server from `auth`. */
  requests: LoadRequest[]
  title: string
  /** Bare Payload lacks the project's own collections and endpoints: those run on ours only. */
  variants: Variant[]
}

export type ScenarioPlan = { notes: string[]; scenarios: Scenario[] }

/** The public reads that have a cached twin, `<id>-cached`, run on ours with the response cache on. */
export const cachedReads = ['rest-list-anon', 'graphql-list-anon', 'rest-slug-anon', 'graphql-slug-anon', 'global-read-anon']
/** Every scenario id the harness can plan (what `--scenarios` accepts besides the groups). */
export const scenarioIds = [
  ...cachedReads,
  'rest-list-auth',
  'translator-queue',
  'gate-status',
  'xliff-export',
  'write-editor',
  'media-list-anon',
  'users-list-auth',
  ...cachedReads.map((id) => `${id}-cached`),
  'search-rest-anon',
  'search-rest-rare-anon',
  'search-graphql-anon',
  'search-rest-anon-cached',
  'suggestions-memory-100k',
  'suggestions-memory-1k',
]
/** Names for several scenarios at once in `--scenarios`. */
export const scenarioGroups: Record<string, (scenario: Scenario) => boolean> = {
  all: () => true,
  cached: (scenario) => scenario.kind === 'cached',
  cold: (scenario) => cachedReads.includes(scenario.id),
  search: (scenario) => scenario.kind === 'search',
  suggestions: (scenario) => scenario.kind === 'suggestions',
}

const both: Variant[] = ['ours', 'bare']
const json = { 'content-type': 'application/json' }

const get = (path: string): LoadRequest => ({ headers: {}, method: 'GET', path })
const graphql = (query: string): LoadRequest => ({ body: JSON.stringify({ query }), headers: json, method: 'POST', path: '/api/graphql' })

/** The collection public sites read most, present with published documents in both variants. */
function readCollection(ours: Manifest, bare: Manifest): ContentInfo | undefined {
  const inBoth = ours.content.filter((info) => info.publishedIds.length > 0 && bare.content.some(({ slug }) => slug === info.slug))
  const rank = (slug: string) => (readPreference.includes(slug) ? readPreference.indexOf(slug) : readPreference.length)
  return inBoth.sort((a, b) => rank(a.slug) - rank(b.slug))[0]
}

function contentScenarios(info: ContentInfo, locale: string): Scenario[] {
  const publicRead = `limit=10&depth=1&locale=${locale}&fallback-locale=en`
  const served = locale === 'en' ? 'en' : `${locale}→en`
  const list = `/api/${info.slug}?${publicRead}`
  const bySlug = info.publishedSlugs.map((slug) => get(`/api/${info.slug}?where[slug][equals]=${encodeURIComponent(slug)}&${publicRead.replace('limit=10', 'limit=1')}`))
  const gqlArgs = `limit: 10, locale: ${locale}, fallbackLocale: en`
  const gqlBySlug = info.publishedSlugs.map((slug) =>
    graphql(`{ ${info.graphQLList}(where: { slug: { equals: ${JSON.stringify(slug)} } }, limit: 1, locale: ${locale}, fallbackLocale: en) { docs { ${info.graphQLSelection} } } }`),
  )
  const scenarios: Scenario[] = [
    { id: 'rest-list-anon', auth: 'anonymous', kind: 'read', quick: true, requests: [get(list)], title: `REST list ${info.slug} (10, depth 1, ${served}), anonymous`, variants: both },
    { id: 'rest-list-auth', auth: 'editor', kind: 'read', quick: true, requests: [get(list)], title: `REST list ${info.slug} (10, depth 1, ${served}), editor`, variants: both },
    {
      id: 'graphql-list-anon',
      auth: 'anonymous',
      kind: 'read',
      quick: true,
      requests: [graphql(`{ ${info.graphQLList}(${gqlArgs}) { totalDocs docs { ${info.graphQLSelection} } } }`)],
      title: `GraphQL list ${info.slug} (10, ${served}), anonymous`,
      variants: both,
    },
  ]
  if (bySlug.length > 0) {
    scenarios.push(
      { id: 'rest-slug-anon', auth: 'anonymous', kind: 'read', quick: true, requests: bySlug, title: `REST ${info.slug} by slug (depth 1, ${served}), anonymous`, variants: both },
      { id: 'graphql-slug-anon', auth: 'anonymous', kind: 'read', quick: false, requests: gqlBySlug, title: `GraphQL ${info.slug} by slug (${served}), anonymous`, variants: both },
    )
  }
  return scenarios
}

/** A site's header or footer reads the programme settings on every page. */
function globalScenario(slug: string, locale: string): Scenario {
  return {
    id: 'global-read-anon',
    auth: 'anonymous',
    kind: 'read',
    quick: false,
    requests: [get(`/api/globals/${slug}?depth=1&locale=${locale}&fallback-locale=en`)],
    title: `REST global ${slug} (depth 1, ${locale}→en), anonymous`,
    variants: both,
  }
}

function writeScenario(write: NonNullable<Manifest['write']>): Scenario {
  // As the admin UI saves: no population, no fallback, the English source of a localized document.
  const requests = write.ids.map((id) => ({
    body: JSON.stringify({ [write.titleField]: 'Benchmark edit {{n}}' }),
    headers: json,
    method: 'PATCH' as const,
    path: `/api/${write.collection}/${id}?depth=0&locale=en&fallback-locale=null`,
  }))
  return { id: 'write-editor', auth: 'editor', kind: 'write', quick: true, requests, title: `Editor saves ${write.collection} (en, all hooks)`, variants: both }
}

function queueScenario(tasks: NonNullable<Manifest['tasks']>, ours: Manifest): Scenario {
  const hasQueueEndpoint = ours.endpoints.some(({ collection, path }) => collection === tasks.slug && path === '/queue')
  const path = hasQueueEndpoint
    ? `/api/${tasks.slug}/queue?queue=open&locale=${tasks.translatorLocale}`
    : `/api/${tasks.slug}?where[status][in]=untranslated,in-progress,returned&sort=dueDate&limit=20&depth=1`
  return {
    id: 'translator-queue',
    auth: 'translator',
    kind: 'queue',
    quick: true,
    requests: [get(path)],
    title: `Translator's queue (${tasks.translatorLocale}: open tasks${hasQueueEndpoint ? ', queue endpoint with counts' : ', 20, depth 1'})`,
    variants: ['ours'],
  }
}

function gateScenario(ours: Manifest): Scenario | undefined {
  const phase = ours.content.find(({ slug }) => slug === 'phases')?.publishedIds[0]
  if (!ours.collections.includes('gates') || phase === undefined) {
    return undefined
  }
  return {
    id: 'gate-status',
    auth: 'editor',
    kind: 'gate',
    quick: true,
    // The gate with its criteria, which the plugin works out on every read.
    requests: [get(`/api/gates?where[phase][equals]=${phase}&depth=0`)],
    title: 'Gate status of a phase (gate with its criteria)',
    variants: ['ours'],
  }
}

function xliffScenario(ours: Manifest, documents: number): Scenario | undefined {
  if (!ours.endpoints.some(({ path }) => path === '/translation-interchange/export')) {
    return undefined
  }
  return {
    id: 'xliff-export',
    auth: 'editor',
    kind: 'export',
    // An export of a thousand documents takes about a second: too slow for a 3 s quick run to say anything.
    quick: false,
    // The 1,000 documents at every scale: one file of an export in parts (1,000 is also the
    // plugin's default per file, said here so a changed default does not change the scenario).
    requests: [get(`/api/translation-interchange/export?locale=nl&limit=${Math.min(1000, documents)}`)],
    title: `XLIFF 2.0 export of ${Math.min(1000, documents)} nl documents (part 1 of ${Math.ceil(documents / 1000)})`,
    variants: ['ours'],
  }
}

/**
 * Single words every kind of searched document uses (titles and bodies are drawn from the fake
 * data's vocabulary), so each matches more entries than the search ranks (500: `truncated`):
 * the most work one word asks for. Ten in rotation, so no two consecutive requests are the same.
 */
export const commonSearchWords = vocabulary.filter((word) => word.length >= 7).slice(0, 10)

/** One letter of the word changed, in the middle: one edit, which the plugin tolerates in title words. */
export function misspelt(word: string): string {
  const middle = Math.floor(word.length / 2)
  return `${word.slice(0, middle)}${word[middle] === 'x' ? 'z' : 'x'}${word.slice(middle + 1)}`
}

/**
 * Public search (plugins/public-search), ours only. The ours variant runs with the response cache
 * off, so these rows measure the search itself; `search-rest-anon-cached` is the same requests on
 * the cached variant, warm.
 */
function searchScenarios(search: SearchInfo, locale: string): { notes: string[]; scenarios: Scenario[] } {
  const notes: string[] = []
  const served = locale === 'en' ? 'en' : `${locale}→en`
  const rest = (q: string) => get(`/api/search?q=${encodeURIComponent(q)}&locale=${locale}&limit=10`)
  const gql = (q: string) =>
    graphql(`{ Search(q: ${JSON.stringify(q)}, locale: ${JSON.stringify(locale)}, limit: 10) { totalDocs truncated docs { id collection locale score title snippet } } }`)
  const common = commonSearchWords.map(rest)
  const scenarios: Scenario[] = [
    {
      id: 'search-rest-anon',
      auth: 'anonymous',
      kind: 'search',
      mustFind: 'docs',
      quick: true,
      requests: common,
      title: `REST search, one common word (${commonSearchWords.length} in rotation, 10 hits, ${served}), anonymous`,
      variants: ['ours'],
    },
    {
      id: 'search-graphql-anon',
      auth: 'anonymous',
      kind: 'search',
      mustFind: 'data.Search.docs',
      quick: false,
      requests: commonSearchWords.map(gql),
      title: `GraphQL Search, one common word (${commonSearchWords.length} in rotation, 10 hits, ${served}), anonymous`,
      variants: ['ours'],
    },
    {
      id: 'search-rest-anon-cached',
      auth: 'anonymous',
      kind: 'search',
      mustFind: 'docs',
      quick: false,
      requests: common,
      title: `REST search, one common word (${commonSearchWords.length} in rotation, ${served}), anonymous, response cache warm`,
      variants: ['cached'],
    },
  ]
  // The reader's locale where the document has an entry in it (a translated document is found by its translation only), else the fallback's.
  const rare = search.rare.flatMap((doc) => {
    const words = doc.titleWords[locale] ?? doc.titleWords.en ?? []
    const word = [...words].sort((a, b) => b.length - a.length || a.localeCompare(b))[0]
    return word ? [`${doc.token} ${misspelt(word)}`] : []
  })
  if (rare.length > 0) {
    scenarios.push({
      id: 'search-rest-rare-anon',
      auth: 'anonymous',
      kind: 'search',
      mustFind: 'docs',
      quick: false,
      requests: rare.map(rest),
      title: `REST search, a code or number few documents hold and a misspelt title word (${rare.length} in rotation, ${served}), anonymous`,
      variants: ['ours'],
    })
  } else {
    notes.push('search-rest-rare-anon skipped: the seed found no document with a rare body word (a code or a number).')
  }
  return { notes, scenarios }
}

/**
 * The translator's suggestions for one task (memory, glossary; no machine translation is
 * configured) against a memory of 100,000 entries (nl) and of 1,000 (fr), same document and same
 * matches: the target is the first's p95, the second gives the growth. Ours only.
 */
function suggestionScenarios(memory: NonNullable<Manifest['memory']>): Scenario[] {
  const scenario = (locale: string, auth: Auth): Scenario => ({
    id: `suggestions-memory-${memory.entries[locale]! >= 100_000 ? '100k' : '1k'}`,
    auth,
    kind: 'suggestions',
    mustFind: 'units',
    quick: true,
    requests: [get(`/api/translation-interchange/suggestions?task=${memory.tasks[locale]}`)],
    title: `Translator's suggestions, ${memory.segments} segments, memory of ${memory.entries[locale]!.toLocaleString('en')} ${locale} entries`,
    variants: ['ours'],
  })
  return [scenario('nl', 'translator'), scenario('fr', 'translator-fr')]
}

/** Before content collections exist: users (signed in) and media (public) keep the harness running. */
function foundationScenarios(locale: string): Scenario[] {
  return [
    { id: 'media-list-anon', auth: 'anonymous', kind: 'read', quick: true, requests: [get(`/api/media?limit=10&depth=0&locale=${locale}`)], title: 'REST list media (10), anonymous', variants: both },
    { id: 'users-list-auth', auth: 'editor', kind: 'read', quick: true, requests: [get('/api/users?limit=10&depth=0')], title: 'REST list users (10), editor', variants: both },
  ]
}

/** The twin of a public read on ours with the cache on and warm; its bare baseline is the uncached read. */
function cachedTwin(scenario: Scenario): Scenario {
  return {
    ...scenario,
    id: `${scenario.id}-cached`,
    baseline: scenario.id,
    kind: 'cached',
    title: `${scenario.title}, response cache warm`,
    variants: ['cached'],
  }
}

/**
 * `--scenarios`: the chosen ones (ids or group names) and, for a chosen cached scenario whose cold
 * read is not chosen, that read on bare only, as the baseline of its ratio. Without a choice:
 * everything, or the quick ones with --quick.
 */
export function selectScenarios(scenarios: Scenario[], chosen: string[] | undefined, quick: boolean): Scenario[] {
  if (!chosen) {
    return scenarios.filter((scenario) => !quick || scenario.quick)
  }
  const picked = new Set(scenarios.filter((scenario) => chosen.some((name) => name === scenario.id || scenarioGroups[name]?.(scenario))).map(({ id }) => id))
  const baselines = new Set(scenarios.flatMap(({ id, baseline }) => (picked.has(id) && baseline && !picked.has(baseline) ? [baseline] : [])))
  return scenarios.flatMap((scenario) => {
    if (picked.has(scenario.id)) {
      return [scenario]
    }
    return baselines.has(scenario.id) ? [{ ...scenario, variants: scenario.variants.filter((variant) => variant === 'bare') }] : []
  })
}

export function planScenarios(ours: Manifest, bare: Manifest, locale: string): ScenarioPlan {
  const notes: string[] = [...ours.notes.map((note) => `ours: ${note}`), ...bare.notes.map((note) => `bare: ${note}`)]
  const scenarios: Scenario[] = []
  const content = readCollection(ours, bare)
  if (content) {
    scenarios.push(...contentScenarios(content, locale))
  } else {
    notes.push('No content collection with published documents: measuring users and media only.')
    scenarios.push(...foundationScenarios(locale))
  }
  const global = ours.globals.find((slug) => bare.globals.includes(slug))
  if (global) {
    scenarios.push(globalScenario(global, locale))
  }
  if (ours.write) {
    scenarios.push(writeScenario(ours.write))
  } else {
    notes.push('Write path skipped: no seeded document passed an editor save through the Local API.')
  }
  if (ours.tasks) {
    scenarios.push(queueScenario(ours.tasks, ours))
  } else {
    notes.push("Translator's queue skipped: no translation-tasks collection in the config.")
  }
  const gate = gateScenario(ours)
  if (gate) {
    scenarios.push(gate)
  } else {
    notes.push('Gate status skipped: no gates collection in the config.')
  }
  // One nl task per content document.
  const xliff = xliffScenario(ours, ours.content.reduce((sum, { slug }) => sum + (ours.counts[slug] ?? 0), 0))
  if (xliff) {
    scenarios.push(xliff)
  } else {
    notes.push('XLIFF export skipped: no export endpoint in the config.')
  }
  if (ours.search) {
    const search = searchScenarios(ours.search, locale)
    scenarios.push(...search.scenarios)
    notes.push(...search.notes)
  } else {
    notes.push('Search skipped: no public search in the config.')
  }
  if (ours.memory) {
    scenarios.push(...suggestionScenarios(ours.memory))
  } else {
    notes.push('Suggestions skipped: no translation memory in the config.')
  }
  scenarios.push(...scenarios.filter(({ id }) => cachedReads.includes(id)).map(cachedTwin))
  // Writes last: the edits they make (titles, versions) then cannot influence a read scenario.
  scenarios.sort((a, b) => Number(a.kind === 'write') - Number(b.kind === 'write'))
  return { notes, scenarios }
}
