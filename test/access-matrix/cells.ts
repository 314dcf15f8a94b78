/**
 * What checking one cell means, shared by the REST and GraphQL suites: the expected fixtures,
 * the refusal statuses, the no-change snapshot, and the leak checks (planted secrets, hidden
 * fields) every answer goes through.
 */
import type { CollectionSlug, Payload, Where } from 'payload'

import type { Id, Seeded } from './fixtures'
import type { EntityPolicy, MatrixRole, Operation, Verdict } from './policy'

import { fixturesFor } from './fixtures'
import { policy, roleLabels, secrets } from './policy'

export class CellFailure extends Error {}

export const fail = (message: string): never => {
  throw new CellFailure(message)
}

export const verdictLabel = (verdict: Verdict) => (typeof verdict === 'string' ? verdict : `filtered (${verdict.filtered})`)

export const cellName = (role: MatrixRole, entity: string, operation: string, transport: 'GraphQL' | 'REST', verdict: Verdict) =>
  `${roleLabels[role]} · ${entity} · ${operation} · ${transport} → expected ${verdictLabel(verdict)}`

export function entityPolicy(kind: string, entity: string): EntityPolicy | undefined {
  if (kind === 'global') {
    return policy.globals[entity]
  }
  if (kind === 'endpoint') {
    return { fixtures: [], operations: policy.endpoints }
  }
  return policy.collections[entity]
}

export const rowFor = (kind: string, entity: string, operation: Operation) => entityPolicy(kind, entity)?.operations[operation]

/** Fixture names the verdict lets the role reach. */
export function expectedNames(verdict: Verdict, all: string[]): string[] {
  if (verdict === 'allowed') {
    return all
  }
  if (verdict === 'refused') {
    return []
  }
  return verdict.sees ?? all
}

/** Named fixture ids of an entity for a role (users: their own account as `self`). */
export function namedIds(seeded: Seeded, entity: string, role: MatrixRole, names: string[]): Array<[string, Id]> {
  const ids = fixturesFor(seeded, entity, role)
  return names.flatMap((name) => (ids[name] === undefined ? [] : [[name, ids[name]!] as [string, Id]]))
}

/** A refusal is 401 or 403; Payload answers 404 where access hides the document itself. */
export const refusalStatuses = [401, 403, 404]

export function expectRefusedStatus(status: number, body: unknown, also: number[] = []) {
  if (![...refusalStatuses, ...also].includes(status)) {
    fail(`expected refused, got ${status}: ${JSON.stringify(body).slice(0, 300)}`)
  }
}

export function expectStatus(status: number, wanted: number[], body: unknown) {
  if (!wanted.includes(status)) {
    fail(`expected ${wanted.join('/')}, got ${status}: ${JSON.stringify(body).slice(0, 300)}`)
  }
}

/** Every planted secret the role may not receive must be absent from the answer, whatever the route. */
export function expectNoSecrets(role: MatrixRole, text: string) {
  const lower = text.toLowerCase()
  for (const [name, { marker, seenBy }] of Object.entries(secrets)) {
    if (!seenBy.includes(role) && lower.includes(marker.toLowerCase())) {
      fail(`leaked ${name} ("${marker}") to ${roleLabels[role]}`)
    }
  }
}

/** Hidden fields of a role: per fixture name (users' `other`) or for every fixture. */
export function hiddenFor(entityRules: EntityPolicy | undefined, role: MatrixRole, fixture?: string): string[] {
  const hidden = entityRules?.hidden?.[role]
  if (!hidden) {
    return []
  }
  if (Array.isArray(hidden)) {
    return hidden
  }
  return fixture ? (hidden[fixture] ?? []) : [...new Set(Object.values(hidden).flat())]
}

/** The last segment of a field path: what shows as a key in an answer. */
export const leafOf = (path: string) => path.split('.').at(-1)!

export function expectHiddenAbsent(fields: string[], doc: unknown, where: string) {
  const text = JSON.stringify(doc)
  for (const field of fields) {
    if (text.includes(`"${leafOf(field)}"`)) {
      fail(`hidden field ${field} appears in ${where}`)
    }
  }
}

/**
 * What a refused write must leave unchanged: the stored document and its version count; for a
 * create, the documents carrying the body's unique value (other cells' throwaways come and go).
 */
export async function snapshot(payload: Payload, collection: string, target: { id: Id } | { where: Where }) {
  const config = payload.collections[collection as CollectionSlug]?.config
  if (!config) {
    return '{}'
  }
  if ('where' in target) {
    return JSON.stringify(await payload.count({ collection: collection as CollectionSlug, overrideAccess: true, where: target.where }))
  }
  const doc = await payload.db.findOne({ collection: collection as CollectionSlug, where: { id: { equals: target.id } } })
  const versions = config.versions
    ? (await payload.countVersions({ collection: collection as CollectionSlug, overrideAccess: true, where: { parent: { equals: target.id } } })).totalDocs
    : 0
  return JSON.stringify({ doc, versions })
}

/** The documents a create body would make: those with its first unique-looking value. */
export function createdBy(body: Record<string, unknown>): Where {
  for (const key of ['name', 'title', 'term', 'key', 'source']) {
    if (typeof body[key] === 'string') {
      return { [key]: { equals: body[key] } }
    }
  }
  return {}
}

export async function expectUnchanged(payload: Payload, collection: string, target: { id: Id } | { where: Where }, before: string) {
  const after = await snapshot(payload, collection, target)
  if (after !== before) {
    fail(`a refused ${collection} write changed stored data:\n before ${before.slice(0, 400)}\n after  ${after.slice(0, 400)}`)
  }
}

export const sameIds = (got: Id[], wanted: Id[]) =>
  JSON.stringify(got.map(String).sort()) === JSON.stringify(wanted.map(String).sort())

/** Cells checked, by transport: the closing note quotes these. */
export const tally = { checks: 0, GraphQL: 0, REST: 0 }
