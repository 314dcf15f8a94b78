import type { CollectionSlug, Payload } from 'payload'

/**
 * Shared harness for the hostile-input corpus (test/hostile/*): every case must be refused with a
 * clear 4xx, change nothing, and leave the server answering /healthz quickly while it runs.
 */

export type HealthProbe = {
  /** Probes sent while the action ran. */
  probes: number
  /** Slowest probe, measured from when it was due, so an event loop blocked by the case counts in full. */
  worstMs: number
}

/**
 * What this test file's cases cost the server, printed once the file ends: the corpus's figures for
 * a closing note come from the suite itself, not from a separate measurement.
 */
const fileTally = { cases: 0, slowestAnswerMs: 0, worstHealthMs: 0 }

afterAll(() => {
  if (fileTally.cases > 0) {
    const file = (expect.getState().testPath ?? '').replace(/^.*\/test\//, 'test/')
    console.log(
      `hostile corpus, ${file}: ${fileTally.cases} cases, slowest answer ${Math.round(fileTally.slowestAnswerMs)} ms, worst /healthz ${Math.round(fileTally.worstHealthMs)} ms`,
    )
  }
})

/**
 * Runs `action` while probing `${baseUrl}/healthz` every `intervalMs`. Each probe's latency runs from
 * its scheduled time, not from when its timer finally fired: the test host serves from this very
 * process, so a case that blocks the event loop delays the timer too and would otherwise hide.
 */
export async function whileProbingHealth<T>(
  baseUrl: string,
  action: () => Promise<T>,
  { intervalMs = 25 }: { intervalMs?: number } = {},
): Promise<{ health: HealthProbe; result: T }> {
  const started = performance.now()
  const latencies: Array<Promise<number>> = []
  let done = false
  let timer: NodeJS.Timeout | undefined
  let nextDue = started
  const schedule = (index: number) => {
    const due = started + index * intervalMs
    nextDue = due
    timer = setTimeout(
      () => {
        if (done) {
          return
        }
        latencies.push(
          fetch(`${baseUrl}/healthz`).then(async (response) => {
            await response.arrayBuffer()
            if (!response.ok) {
              throw new Error(`/healthz answered ${response.status} while a hostile case ran`)
            }
            return performance.now() - due
          }),
        )
        schedule(index + 1)
      },
      Math.max(0, due - performance.now()),
    )
  }
  // The first probe goes out at once, so even a case that blocks immediately is measured.
  schedule(0)
  try {
    const result = await action()
    const answeredMs = performance.now() - started
    const health = await settle()
    fileTally.cases += 1
    fileTally.slowestAnswerMs = Math.max(fileTally.slowestAnswerMs, answeredMs)
    fileTally.worstHealthMs = Math.max(fileTally.worstHealthMs, health.worstMs)
    return { health, result }
  } finally {
    done = true
    clearTimeout(timer)
  }

  async function settle(): Promise<HealthProbe> {
    done = true
    clearTimeout(timer)
    // A probe that fell due while the action blocked the loop never got its timer: one last probe,
    // measured from that due time, counts the block.
    const due = Math.min(nextDue, performance.now())
    latencies.push(fetch(`${baseUrl}/healthz`).then(async (response) => (await response.arrayBuffer(), performance.now() - due)))
    const values = await Promise.all(latencies)
    return { probes: values.length, worstMs: Math.max(...values) }
  }
}

export type CollectionSnapshot = Record<string, { docs: unknown[]; totalDocs: number; versions?: number }>

/**
 * Every document of the given collections, in every locale, drafts included, with their version
 * counts: what a refused case must leave exactly as it was.
 */
export async function snapshotCollections(payload: Payload, slugs: CollectionSlug[]): Promise<CollectionSnapshot> {
  const snapshot: CollectionSnapshot = {}
  for (const slug of slugs) {
    const config = payload.collections[slug]?.config
    if (!config) {
      throw new Error(`snapshotCollections: no collection "${slug}"`)
    }
    // Paged at the public limit: the delivery API refuses larger pages to callers without a user.
    const docs: unknown[] = []
    let page = 1
    let totalDocs = 0
    for (let hasNextPage = true; hasNextPage; page += 1) {
      const result = await payload.find({
        collection: slug,
        depth: 0,
        draft: true,
        limit: 100,
        locale: 'all',
        overrideAccess: true,
        page,
        sort: 'id',
      })
      docs.push(...result.docs)
      totalDocs = result.totalDocs
      hasNextPage = result.hasNextPage
    }
    const entry: CollectionSnapshot[string] = { docs, totalDocs }
    if (config.versions) {
      entry.versions = (await payload.countVersions({ collection: slug, overrideAccess: true })).totalDocs
    }
    snapshot[slug] = entry
  }
  return snapshot
}

/**
 * Runs a hostile case: it must be refused with a 4xx, change nothing in `collections`, and keep
 * /healthz answering within `healthBudgetMs`. Returns the response and the probe for further checks.
 */
export async function expectRefusedUnchanged(
  options: {
    baseUrl: string
    collections: CollectionSlug[]
    healthBudgetMs?: number
    payload: Payload
  },
  send: () => Promise<{ status: number }>,
): Promise<{ health: HealthProbe; status: number }> {
  const { baseUrl, collections, healthBudgetMs = 200, payload } = options
  const before = await snapshotCollections(payload, collections)
  let { health, result } = await whileProbingHealth(baseUrl, send)
  const after = await snapshotCollections(payload, collections)
  expect(result.status).toBeGreaterThanOrEqual(400)
  expect(result.status).toBeLessThan(500)
  expect(after).toEqual(before)
  if (health.worstMs >= healthBudgetMs) {
    // A refused case changes nothing, so it can be sent again. A case that blocks the server blocks
    // it every time; a garbage-collection pause or a busy neighbour on a 2-core machine does not
    // repeat. Over budget twice is a failure; once is noise.
    ;({ health, result } = await whileProbingHealth(baseUrl, send))
    expect(await snapshotCollections(payload, collections)).toEqual(before)
  }
  expect(health.worstMs).toBeLessThan(healthBudgetMs)
  return { health, status: result.status }
}

/** A case of the corpus as its files list them: the request, and what its refusal must say. */
export type HostileCase = { expected: RegExp; name: string; request: () => Promise<Response> }

/** Sends a case as expectRefusedUnchanged does, and checks that the refusal says what it must. */
export async function expectCaseRefused(options: Parameters<typeof expectRefusedUnchanged>[0], { expected, request }: HostileCase): Promise<void> {
  let text = ''
  await expectRefusedUnchanged(options, async () => {
    const response = await request()
    text = await response.text()
    return response
  })
  expect(text).toMatch(expected)
}
