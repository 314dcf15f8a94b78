/**
 * The access matrix over REST: every route of the running config × every role, checked against
 * policy.ts over real HTTP. A route with no row in the policy fails the first test.
 */
import type { CollectionSlug } from 'payload'

import type { TestHost } from '../helpers/host'
import type { Caller, Id, Seeded } from './fixtures'
import type { MatrixRole, Operation, Verdict } from './policy'
import type { Surface } from './surface'

import { startTestHost } from '../helpers/host'
import {
  cellName,
  createdBy,
  entityPolicy,
  expectedNames,
  expectHiddenAbsent,
  expectNoSecrets,
  expectRefusedStatus,
  expectStatus,
  expectUnchanged,
  fail,
  hiddenFor,
  leafOf,
  namedIds,
  rowFor,
  sameIds,
  snapshot,
  tally,
} from './cells'
import { MatrixContext, probePassword } from './context'
import { pngOfWidth, seed, throwaways } from './fixtures'
import { matrixRoles, otherLocale, ownLocale } from './policy'
import { restSurface } from './surface'

let testHost: TestHost
let seeded: Seeded
let ctx: MatrixContext

// The config is read before the host starts so that the cells can be generated as test.each rows.
const { default: config } = await import('@payload-config')
const sanitized = await config
const surfaces = restSurface(sanitized)

beforeAll(async () => {
  testHost = await startTestHost()
  seeded = await seed(testHost)
  ctx = new MatrixContext(testHost, seeded, throwaways(testHost, seeded))
}, 120_000)

afterAll(async () => {
  console.log(`access matrix, REST: ${tally.REST} cells checked (${tally.checks} assertions on answers) over ${surfaces.length} routes × ${matrixRoles.length} roles`)
  await testHost?.stop()
})

type Json = Record<string, unknown>

const api = async (caller: Caller, method: string, path: string, body?: FormData | Json) => {
  const response = await testHost.client.request(method, path, { body, headers: caller.headers })
  const text = await response.text()
  tally.checks += 1
  expectNoSecrets(caller.role, text)
  let json: Json = {}
  try {
    json = text ? (JSON.parse(text) as Json) : {}
  } catch {
    json = { text }
  }
  return { body: json, headers: response.headers, status: response.status, text }
}

const hasVersions = (slug: string) => ctx.hasVersions(slug)
const base = (surface: Surface) => (surface.kind === 'global' ? `/api/globals/${surface.entity}` : `/api/${surface.entity}`)
const idsQuery = (ids: Id[]) => ids.map((id, index) => `where[id][in][${index}]=${encodeURIComponent(String(id))}`).join('&')

// ——— reads ———

async function checkList(surface: Surface, caller: Caller, verdict: Verdict) {
  const rules = entityPolicy(surface.kind, surface.entity)!
  const all = namedIds(seeded, surface.entity, caller.role, rules.fixtures)
  const wanted = namedIds(seeded, surface.entity, caller.role, expectedNames(verdict, rules.fixtures))
  const filter = all.length ? `&${idsQuery(all.map(([, id]) => id))}` : ''
  const count = surface.operation === 'count'
  // Read in a target locale: a field served from English is then named in `translation.fallbackFields`.
  const { body, status } = await api(caller, 'GET', `${base(surface)}${count ? '/count' : ''}?depth=1&limit=100&draft=true&locale=${ownLocale}${filter}`)
  if (verdict === 'refused') {
    return expectRefusedStatus(status, body)
  }
  expectStatus(status, [200], body)
  if (count) {
    if (body.totalDocs !== wanted.length) {
      fail(`expected a count of ${wanted.length}, got ${String(body.totalDocs)}`)
    }
    return
  }
  const docs = (body.docs ?? []) as Json[]
  if (!sameIds(docs.map((doc) => doc.id as Id), wanted.map(([, id]) => id))) {
    fail(`expected ${wanted.map(([name]) => name).join(', ') || 'nothing'}, got ${docs.length} documents (ids ${docs.map((doc) => doc.id).join(', ')})`)
  }
  for (const doc of docs) {
    const name = all.find(([, id]) => String(id) === String(doc.id))?.[0]
    expectHiddenAbsent(hiddenFor(rules, caller.role, name), doc, `the list (${name})`)
  }
}

async function checkFindByID(surface: Surface, caller: Caller, verdict: Verdict) {
  const rules = entityPolicy(surface.kind, surface.entity)!
  const wanted = expectedNames(verdict, rules.fixtures)
  for (const [name, id] of namedIds(seeded, surface.entity, caller.role, rules.fixtures)) {
    const { body, status } = await api(caller, 'GET', `${base(surface)}/${id}?depth=1&draft=true&locale=${ownLocale}`)
    if (wanted.includes(name)) {
      expectStatus(status, [200], body)
      expectHiddenAbsent(hiddenFor(rules, caller.role, name), body, name)
    } else {
      expectRefusedStatus(status, body)
    }
  }
}

/** Hidden fields can be neither filtered nor sorted on, nor selected into an answer. */
async function checkHiddenQueries(surface: Surface, caller: Caller) {
  const rules = entityPolicy(surface.kind, surface.entity)!
  for (const field of hiddenFor(rules, caller.role)) {
    const where = await api(caller, 'GET', `${base(surface)}?where[${field}][exists]=true`)
    if (where.status < 400) {
      fail(`where on hidden ${field} answered ${where.status}`)
    }
    const sort = await api(caller, 'GET', `${base(surface)}?sort=${field}`)
    if (sort.status < 400) {
      fail(`sort on hidden ${field} answered ${sort.status}`)
    }
    const select = await api(caller, 'GET', `${base(surface)}?select[${field}]=true&depth=0`)
    const fixtureNames = Array.isArray(rules.hidden?.[caller.role]) ? rules.fixtures : Object.keys(rules.hidden?.[caller.role] ?? {})
    const guarded = namedIds(seeded, surface.entity, caller.role, fixtureNames).map(([, id]) => String(id))
    for (const doc of ((select.body.docs ?? []) as Json[]).filter((doc) => guarded.includes(String(doc.id)))) {
      expectHiddenAbsent([field], doc, `select[${leafOf(field)}]`)
    }
  }
}

async function checkVersions(surface: Surface, caller: Caller, verdict: Verdict) {
  if (!hasVersions(surface.entity)) {
    const path = surface.operation === 'restoreVersion' ? 'POST' : 'GET'
    const { body, status } = await api(caller, path, `${base(surface)}/versions${surface.operation === 'versions' ? '' : '/1'}`)
    return verdict === 'refused' ? expectRefusedStatus(status, body, [400, 405]) : fail('versions are off: the policy cannot allow them')
  }
  const rules = entityPolicy(surface.kind, surface.entity)!
  const ids = namedIds(seeded, surface.entity, caller.role, rules.fixtures).map(([, id]) => id)
  if (surface.operation === 'versions') {
    const { body, status } = await api(caller, 'GET', `${base(surface)}/versions?depth=1&${ids.map((id, i) => `where[parent][in][${i}]=${id}`).join('&')}`)
    if (verdict === 'refused') {
      return expectRefusedStatus(status, body)
    }
    expectStatus(status, [200], body)
    if (!((body.docs ?? []) as unknown[]).length) {
      fail('no versions listed')
    }
    return
  }
  const { docs } = await testHost.payload.findVersions({ collection: surface.entity as CollectionSlug, limit: 1, overrideAccess: true, where: { parent: { equals: ids[0] } } })
  const { body, status } = await api(caller, 'GET', `${base(surface)}/versions/${docs[0]!.id}?depth=1`)
  return verdict === 'refused' ? expectRefusedStatus(status, body) : expectStatus(status, [200], body)
}

async function checkFiles(surface: Surface, caller: Caller, verdict: Verdict) {
  const files = seeded.files[surface.entity] ?? {}
  const wanted = expectedNames(verdict, Object.keys(files))
  for (const [name, file] of Object.entries(files)) {
    const names = surface.operation === 'file' ? [file.filename] : file.sizes
    if (!names.length) {
      fail(`fixture ${name} has no resized copies`)
    }
    for (const filename of names) {
      const { status, text } = await api(caller, 'GET', `/api/${surface.entity}/file/${encodeURIComponent(filename)}`)
      if (wanted.includes(name)) {
        expectStatus(status, [200], text.slice(0, 100))
      } else {
        expectRefusedStatus(status, `${filename}: ${text.slice(0, 100)}`)
      }
    }
  }
}

// ——— writes ———

async function mediaForm(data: Json) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(await pngOfWidth(400))], { type: 'image/png' }), `matrix-upload-${Date.now()}.png`)
  form.append('_payload', JSON.stringify({ alt: 'Uploaded in the matrix', ...data }))
  return form
}

const query = (surface: Surface, role: MatrixRole) => {
  const locale = ctx.localeFor(surface.entity, role)
  return locale ? `locale=${locale}` : ''
}

const expectAccessPassed = (status: number, body: unknown) =>
  ([401, 403].includes(status) || status >= 500) && fail(`expected access to pass, got ${status}: ${JSON.stringify(body).slice(0, 300)}`)

async function checkCreate(surface: Surface, caller: Caller, verdict: Verdict) {
  const factory = ctx.factories[surface.entity]
  const data = factory ? await factory.body(caller) : {}
  const made = { where: surface.entity === 'media' ? { alt: { equals: 'Uploaded in the matrix' } } : createdBy(data) }
  const before = await snapshot(testHost.payload, surface.entity, made)
  const body = surface.entity === 'media' ? await mediaForm(data) : data
  const { body: answer, status } = await api(caller, 'POST', `${base(surface)}?${query(surface, caller.role)}`, body)
  const created = (answer.doc as Json | undefined)?.id as Id | undefined
  try {
    if (verdict === 'refused') {
      expectRefusedStatus(status, answer)
      return await expectUnchanged(testHost.payload, surface.entity, made, before)
    }
    if (!factory) {
      // No valid document can be made here (gate rounds and votes need their own state): access passing is what is shown.
      return expectAccessPassed(status, answer)
    }
    expectStatus(status, [201], answer)
  } finally {
    await ctx.cleanup(surface.entity, [created])
  }
}

function requestFor(surface: Surface, id: Id, locale: string, change: Json, versionId?: Id): { body?: Json; method: string; path: string } {
  switch (surface.operation) {
    case 'delete':
      return { method: 'DELETE', path: `${base(surface)}/${id}?${locale}` }
    case 'deleteWhere':
      return { method: 'DELETE', path: `${base(surface)}?where[id][equals]=${id}&${locale}` }
    case 'duplicate':
      return { body: {}, method: 'POST', path: `${base(surface)}/${id}/duplicate?${locale}` }
    case 'restoreVersion':
      return { method: 'POST', path: `${base(surface)}/versions/${versionId}?${locale}` }
    case 'update':
      return { body: change, method: 'PATCH', path: `${base(surface)}/${id}?${locale}` }
    default:
      return { body: change, method: 'PATCH', path: `${base(surface)}?where[id][equals]=${id}&${locale}` }
  }
}

/** Tries the write on a document; whether it was refused: a clear 4xx (or, by `where`, no match) and nothing changed. */
async function attempt(surface: Surface, caller: Caller, id: Id, change: Json, refusal: 'match nothing' | 'status') {
  const versionId = surface.operation === 'restoreVersion' ? await ctx.oldestVersion(surface.entity, id) : undefined
  const request = requestFor(surface, id, query(surface, caller.role), change, versionId)
  const before = await snapshot(testHost.payload, surface.entity, { id })
  const answer = await api(caller, request.method, request.path, request.body)
  const matchedNothing = answer.status === 200 && Array.isArray(answer.body.docs) && answer.body.docs.length === 0
  const changed = (await snapshot(testHost.payload, surface.entity, { id })) !== before
  return { answer, changed, refused: !changed && ([401, 403, 404].includes(answer.status) || (refusal === 'match nothing' && matchedNothing)) }
}

async function checkWrite(surface: Surface, caller: Caller, verdict: Verdict) {
  const { entity, operation } = surface
  const factory = ctx.factories[entity]
  const change = (caller.role === 'translatorOwn' && factory?.translate) || factory?.change || {}
  const withHistory = operation === 'restoreVersion'
  if (verdict === 'refused') {
    const id = await ctx.sharedTarget(surface.kind, entity, caller)
    const { answer, changed } = await attempt(surface, caller, id, change, 'status')
    if (changed) {
      await ctx.dropShared(entity)
    }
    expectRefusedStatus(answer.status, answer.body)
    return changed && fail(`a refused ${entity} write changed stored data`)
  }
  if (typeof verdict === 'object' && verdict.sees) {
    // Own documents only (a user's own account): it succeeds on theirs and is refused on another's.
    const own = namedIds(seeded, entity, caller.role, verdict.sees)[0]![1]
    const mine = await attempt(surface, caller, own, change, 'status')
    expectStatus(mine.answer.status, [200], mine.answer.body)
    const other = await ctx.ownTarget(surface.kind, entity, caller, withHistory, verdict.sees)
    try {
      const theirs = await attempt(surface, caller, other.id, change, 'match nothing')
      return theirs.refused || fail(`expected refused on another's document, got ${theirs.answer.status}: ${JSON.stringify(theirs.answer.body).slice(0, 300)}`)
    } finally {
      await ctx.cleanup(entity, other.throwaway ? [other.id] : [])
    }
  }
  const { id, throwaway } = await ctx.ownTarget(surface.kind, entity, caller, withHistory)
  const made: Array<Id | undefined> = throwaway ? [id] : []
  try {
    const { answer } = await attempt(surface, caller, id, change, 'status')
    const { body, status } = answer
    made.push(operation === 'duplicate' ? ((body.doc as Json | undefined)?.id as Id | undefined) : undefined)
    if (!factory?.make) {
      return expectAccessPassed(status, body)
    }
    if (operation === 'duplicate' && factory.validationOnly?.includes('duplicate')) {
      return expectStatus(status, [200, 201, 400], body)
    }
    expectStatus(status, operation === 'duplicate' ? [200, 201] : [200], body)
    if (['updateWhere', 'deleteWhere'].includes(operation) && ((body.docs ?? []) as unknown[]).length !== 1) {
      fail(`expected the one matching document to change, got ${JSON.stringify(body).slice(0, 300)}`)
    }
    if (typeof verdict === 'object' && caller.role === 'translatorOwn') {
      // A translator's write in their own locale: stored as a draft; the source locale refused.
      const source = await api(caller, 'PATCH', `${base(surface)}/${id}?locale=en`, change)
      expectRefusedStatus(source.status, source.body)
      const published = await testHost.payload.findByID({ id, collection: entity as CollectionSlug, draft: false, locale: ownLocale, overrideAccess: true })
      if (JSON.stringify(published).includes('Vertaald')) {
        fail("a translator's write was published")
      }
    }
  } finally {
    await ctx.cleanup(entity, made)
  }
}

/**
 * Payload's `GET /:key` answers a preference the caller does not have with 200
 * `{ message: 'Not Found', value: null }`; without a session every key is one the caller does not
 * have: that answer, which carries nothing, is the route's refusal.
 */
const preferenceNotFound = (method: string, status: number, body: unknown) =>
  method === 'GET' && status === 200 && JSON.stringify(body) === JSON.stringify({ message: 'Not Found', value: null })

/** Payload's `/:key` preference routes answer `/count`, `/versions` and `/<id>`: what matters is who gets past access. */
async function checkShadowed(surface: Surface, caller: Caller, verdict: Verdict) {
  const id = Object.values(seeded.fixtures[surface.entity] ?? {})[0]
  const paths: Record<string, string> = { count: '/count', delete: `/${id}`, findByID: `/${id}`, versions: '/versions' }
  const method = surface.operation === 'delete' ? 'DELETE' : 'GET'
  const { body, status } = await api(caller, method, `${base(surface)}${paths[surface.operation]}`)
  if (verdict === 'refused' && preferenceNotFound(method, status, body)) {
    return
  }
  return verdict === 'refused' ? expectRefusedStatus(status, body) : expectAccessPassed(status, body)
}

// ——— auth routes, global, custom endpoints ———

async function checkAuth(surface: Surface, caller: Caller, verdict: Verdict) {
  const { payload } = testHost
  const path = `/api/${surface.entity}`
  const probe = () => ctx.probeUser()
  let answer: Awaited<ReturnType<typeof api>>
  switch (surface.operation) {
    case 'me': {
      answer = await api(caller, 'GET', `${path}/me`)
      const user = answer.body.user as Json | null | undefined
      if (verdict === 'refused') {
        return user ? fail(`expected refused, got ${answer.status} with a user`) : expectStatus(answer.status, [200, 401, 403], answer.body)
      }
      expectStatus(answer.status, [200], answer.body)
      return String(user?.id) === String(caller.userId) || fail('me answered another account')
    }
    case 'logout':
    case 'refreshToken': {
      // With a fresh session of the caller's own, so that the matrix's sessions stay valid.
      const headers = caller.credentials ? { authorization: `JWT ${(await testHost.client.login(caller.credentials)).token}` } : caller.headers
      answer = await api({ ...caller, headers }, 'POST', `${path}/${surface.operation === 'logout' ? 'logout' : 'refresh-token'}`)
      break
    }
    case 'init':
      answer = await api(caller, 'GET', `${path}/init`)
      break
    case 'login': {
      const { email, password } = await probe()
      answer = await api(caller, 'POST', `${path}/login`, { email, password })
      break
    }
    case 'forgotPassword': {
      const { email } = await probe()
      answer = await api(caller, 'POST', `${path}/forgot-password`, { email })
      break
    }
    case 'resetPassword': {
      const { email } = await probe()
      const token = await payload.forgotPassword({ collection: 'users', data: { email }, disableEmail: true })
      answer = await api(caller, 'POST', `${path}/reset-password`, { password: probePassword, token })
      break
    }
    case 'unlock': {
      const { email } = await probe()
      answer = await api(caller, 'POST', `${path}/unlock`, { email })
      break
    }
    case 'verify':
      answer = await api(caller, 'POST', `${path}/verify/not-a-token`)
      break
    default:
      answer = await api(caller, 'POST', `${path}/first-register`, { name: 'First', email: 'first@example.org', password: 'Password-first-correct-horse' })
  }
  if (verdict === 'refused') {
    // Auth routes refuse with 400 as well (no user, wrong strategy).
    return expectRefusedStatus(answer.status, answer.body, [400, 405])
  }
  expectStatus(answer.status, [200], answer.body)
}

async function checkGlobal(surface: Surface, caller: Caller, verdict: Verdict) {
  if (surface.operation === 'read') {
    const { body, status } = await api(caller, 'GET', base(surface))
    return verdict === 'refused' ? expectRefusedStatus(status, body) : expectStatus(status, [200], body)
  }
  if (surface.operation === 'docAccess') {
    const { body, status } = await api(caller, 'POST', `${base(surface)}/access`)
    return verdict === 'refused' ? expectRefusedStatus(status, body) : expectStatus(status, [200], body)
  }
  if (['versions', 'versionByID', 'restoreVersion'].includes(surface.operation)) {
    const method = surface.operation === 'restoreVersion' ? 'POST' : 'GET'
    const { body, status } = await api(caller, method, `${base(surface)}/versions${surface.operation === 'versions' ? '' : '/1'}`)
    return verdict === 'refused' ? expectRefusedStatus(status, body, [400, 405]) : fail('global versions are off')
  }
  const before = JSON.stringify(await testHost.payload.findGlobal({ slug: surface.entity as never, overrideAccess: true }))
  const { body, status } = await api(caller, 'POST', base(surface), { contactEmail: `changed-${caller.role}@example.org`.toLowerCase() })
  if (verdict === 'refused') {
    expectRefusedStatus(status, body)
    const after = JSON.stringify(await testHost.payload.findGlobal({ slug: surface.entity as never, overrideAccess: true }))
    return after === before || fail('a refused update changed the global')
  }
  expectStatus(status, [200], body)
}

async function checkDocAccess(surface: Surface, caller: Caller, verdict: Verdict) {
  const rules = entityPolicy(surface.kind, surface.entity)!
  const [first] = namedIds(seeded, surface.entity, caller.role, rules.fixtures)
  const { body, status } = await api(caller, 'POST', `${base(surface)}/access/${first?.[1] ?? ''}`)
  return verdict === 'refused' ? expectRefusedStatus(status, body) : expectStatus(status, [200], body)
}

/** The hotline finder: which fixtures it lists for the caller, and that hidden fields stay out. */
async function checkFinder(surface: Surface, caller: Caller, verdict: Verdict) {
  const rules = entityPolicy(surface.kind, surface.entity)!
  const { body, status } = await api(caller, 'GET', `${base(surface)}/find?limit=50&locale=${ownLocale}`)
  if (verdict === 'refused') {
    return expectRefusedStatus(status, body)
  }
  expectStatus(status, [200], body)
  const docs = (body.docs ?? []) as Json[]
  const wanted = expectedNames(verdict, rules.fixtures)
  for (const [name, id] of namedIds(seeded, surface.entity, caller.role, rules.fixtures)) {
    const doc = docs.find((each) => String(each.id) === String(id))
    if (Boolean(doc) !== wanted.includes(name)) {
      fail(`expected ${name} ${wanted.includes(name) ? 'among' : 'not among'} the finder's hotlines`)
    }
    expectHiddenAbsent(hiddenFor(rules, caller.role, name), doc ?? {}, `the finder (${name})`)
  }
}

/** The public search: which reports fixtures a search for "report" finds for the caller. */
async function checkSearch(caller: Caller, verdict: Verdict) {
  const { body, status } = await api(caller, 'GET', '/api/search?q=report&collections=reports&limit=50')
  if (verdict === 'refused') {
    return expectRefusedStatus(status, body)
  }
  expectStatus(status, [200], body)
  const ids = ((body.docs ?? []) as Json[]).map((doc) => String(doc.id))
  const fixtures = ['published', 'internal', 'draft']
  const wanted = expectedNames(verdict, fixtures)
  for (const [name, id] of namedIds(seeded, 'reports', caller.role, fixtures)) {
    if (ids.includes(String(id)) !== wanted.includes(name)) {
      fail(`expected the ${name} report ${wanted.includes(name) ? 'among' : 'not among'} the search's hits`)
    }
  }
}

/** Custom endpoints: reached with plausible arguments; a refusal is 401/403, access passing anything else below 500. */
async function checkEndpoint(surface: Surface, caller: Caller, verdict: Verdict) {
  const [method, rawPath] = surface.operation.split(' ') as [string, string]
  const fixtures = seeded.fixtures[surface.entity] ?? {}
  let path = rawPath
  if (rawPath.includes('/:id/')) {
    // Transitions act on a throwaway document's task; rotation on a throwaway client.
    const id = surface.entity === 'translation-tasks' ? fixtures.ownLocale : await ctx.sharedTarget(surface.kind, surface.entity, caller)
    path = rawPath.replace(':id', String(id))
  }
  // Deleting by key gets a preference of the caller's own to delete; reading and writing use the fixture's key.
  const key = method === 'DELETE' ? `mx-delete-${caller.role}` : 'mx-preference'
  if (method === 'DELETE' && surface.entity === 'payload-preferences' && caller.userId !== undefined) {
    await ctx.factories['payload-preferences']!.make!(caller, false, key)
  }
  path = path.replace(':key', key)
  const url = surface.kind === 'endpoint' ? `/api${path}` : `${base(surface)}${path}`
  const locale = caller.role === 'translatorOther' ? otherLocale : ownLocale
  const search = path.includes('translation-interchange') || path.includes('queue') || path.includes('progress') ? `?locale=${locale}` : ''
  const body = method === 'GET' || method === 'DELETE' ? undefined : path.includes('preferences') || surface.entity === 'payload-preferences' ? { value: { a: 1 } } : {}
  const { body: answer, status } = await api(caller, method, `${url}${search}`, body)
  if (verdict === 'refused') {
    if (surface.entity === 'payload-preferences' && preferenceNotFound(method, status, answer)) {
      return
    }
    return expectRefusedStatus(status, answer, [400])
  }
  // The workflow's own rules may still refuse (409, or 403 naming the rule): only a 401 means access stopped it.
  if (typeof verdict === 'object' ? status === 401 || status >= 500 : [401, 403].includes(status) || status >= 500) {
    fail(`expected access to pass, got ${status}: ${JSON.stringify(answer).slice(0, 300)}`)
  }
}

async function checkCell(surface: Surface, caller: Caller, verdict: Verdict) {
  const { operation } = surface
  if (surface.kind === 'global') {
    return checkGlobal(surface, caller, verdict)
  }
  if (surface.entity === 'payload-preferences' && ['count', 'delete', 'findByID', 'versions'].includes(operation)) {
    return checkShadowed(surface, caller, verdict)
  }
  switch (operation) {
    case 'count':
    case 'find':
      await checkList(surface, caller, verdict)
      if (verdict !== 'refused' && operation === 'find') {
        await checkHiddenQueries(surface, caller)
      }
      return
    case 'findByID':
      return checkFindByID(surface, caller, verdict)
    case 'versions':
    case 'versionByID':
      return checkVersions(surface, caller, verdict)
    case 'restoreVersion':
      return hasVersions(surface.entity) ? checkWrite(surface, caller, verdict) : checkVersions(surface, caller, verdict)
    case 'file':
    case 'fileSize':
      return checkFiles(surface, caller, verdict)
    case 'pasteUrl': {
      const { body, status } = await api(caller, 'GET', `/api/${surface.entity}/paste-url/?src=${encodeURIComponent('http://127.0.0.1:9/x.png')}`)
      return expectRefusedStatus(status, body, [400])
    }
    case 'create':
      return checkCreate(surface, caller, verdict)
    case 'delete':
    case 'deleteWhere':
    case 'duplicate':
    case 'update':
    case 'updateWhere':
      return checkWrite(surface, caller, verdict)
    case 'docAccess':
      return checkDocAccess(surface, caller, verdict)
    case 'firstRegister':
    case 'forgotPassword':
    case 'init':
    case 'login':
    case 'logout':
    case 'me':
    case 'refreshToken':
    case 'resetPassword':
    case 'unlock':
    case 'verify':
      return checkAuth(surface, caller, verdict)
    default:
      if (surface.entity === 'hotlines' && operation === 'GET /find') {
        return checkFinder(surface, caller, verdict)
      }
      return surface.kind === 'endpoint' && operation === 'GET /search' ? checkSearch(caller, verdict) : checkEndpoint(surface, caller, verdict)
  }
}

describe('the policy covers the running config', () => {
  test('every collection and global of the config has an entry, and every REST route a row', () => {
    const missing = surfaces.filter((surface) => !rowFor(surface.kind, surface.entity, surface.operation))
    expect(missing.map(({ entity, operation, route }) => `${entity} · ${operation} (${route})`)).toEqual([])
    // Collections without routes (endpoints: false) still need an entry.
    const entities = [...sanitized.collections.map(({ slug }) => slug), ...sanitized.globals.map(({ slug }) => slug)]
    expect(entities.filter((slug) => !entityPolicy(sanitized.globals.some((g) => g.slug === slug) ? 'global' : 'collection', slug))).toEqual([])
  })
})

const cells = surfaces.flatMap((surface) => {
  const row = rowFor(surface.kind, surface.entity, surface.operation)
  return row ? matrixRoles.map((role) => ({ name: cellName(role, surface.entity, surface.operation as Operation, 'REST', row[role]), role, surface, verdict: row[role] })) : []
})

/**
 * Cells that fail inside Payload, not in our rules, on one database. Each is expected to keep
 * failing just so, so the suite says when an upgrade fixes it (then the entry goes).
 */
const upstreamFailures: Array<{ adapter: string; entity: string; operation: string; why: string }> = [
  {
    adapter: 'sqlite',
    entity: 'payload-preferences',
    operation: 'delete',
    why: "@payloadcms/drizzle's deleteOne joins the preferences' polymorphic user relation under an alias SQLite rejects (no such column …users_id): 500",
  },
]

describe('the REST matrix', () => {
  test.each(cells)('$name', async ({ role, surface, verdict }) => {
    tally.REST += 1
    await seeded.restore[surface.entity]?.()
    const upstream = upstreamFailures.find(
      (entry) => entry.adapter === testHost.payload.db.name && entry.entity === surface.entity && entry.operation === surface.operation,
    )
    if (upstream && verdict !== 'refused') {
      await expect(checkCell(surface, seeded.callers[role], verdict)).rejects.toThrow(/got 500/)
      return
    }
    await checkCell(surface, seeded.callers[role], verdict)
  })
})
