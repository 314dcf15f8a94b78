/**
 * The state both suites share once booted: the host, the seeded fixtures and the throwaway
 * factories, with the steps every write cell takes (pick a target, give a translator their task,
 * clean up).
 */
import type { CollectionSlug, SanitizedCollectionConfig } from 'payload'

import type { TestHost } from '../helpers/host'
import type { Caller, Id, Seeded, Throwaway } from './fixtures'
import type { MatrixRole } from './policy'

import { entityPolicy, expectStatus, namedIds } from './cells'
import { otherLocale, ownLocale } from './policy'

export const probePassword = 'Password-probe-correct-horse'

export const contentCollections = ['phases', 'deliverables', 'training-modules', 'reports', 'partners', 'hotlines']

const isTranslator = (role: MatrixRole) => role === 'translatorOwn' || role === 'translatorOther'

export class MatrixContext {
  constructor(
    readonly testHost: TestHost,
    readonly seeded: Seeded,
    readonly factories: Record<string, Throwaway>,
  ) {}

  collection(slug: string) {
    return this.testHost.payload.collections[slug as CollectionSlug]?.config as SanitizedCollectionConfig | undefined
  }

  hasVersions(slug: string) {
    return Boolean(this.collection(slug)?.versions)
  }

  /**
   * Translators act on content in a locale they translate (the own one) or the other translator's;
   * likewise on locks, whose guard asks the locked document's update rule in the request's locale.
   */
  localeFor(entity: string, role: MatrixRole): string | undefined {
    if (!(contentCollections.includes(entity) || entity === 'payload-locked-documents') || !isTranslator(role)) {
      return undefined
    }
    return role === 'translatorOwn' ? ownLocale : otherLocale
  }

  /** A translator acting on a throwaway document holds its open task, so only the policy can refuse. */
  async holdTask(entity: string, id: Id, caller: Caller) {
    if (caller.role !== 'translatorOwn' || !contentCollections.includes(entity)) {
      return
    }
    const { docs } = await this.testHost.payload.find({
      collection: 'translation-tasks' as CollectionSlug,
      overrideAccess: true,
      where: { and: [{ targetCollection: { equals: entity } }, { documentId: { equals: String(id) } }, { locale: { equals: ownLocale } }] },
    })
    const claimed = await this.testHost.client.json('POST', `/api/translation-tasks/${docs[0]!.id}/claim`, { headers: caller.headers })
    expectStatus(claimed.status, [200], claimed.body)
  }

  private shared = new Map<string, Id>()
  private held = new Set<string>()

  /**
   * The document refused writes are tried on: one per collection, made once and made again only
   * after a cell changed it (that cell fails), so every refused cell starts from an intact one.
   */
  async sharedTarget(kind: string, entity: string, caller: Caller): Promise<Id> {
    const make = this.factories[entity]?.make
    if (!make) {
      const rules = entityPolicy(kind, entity)!
      const [first] = namedIds(this.seeded, entity, caller.role, rules.fixtures)
      return first ? first[1] : 1
    }
    if (!this.shared.has(entity)) {
      this.shared.set(entity, await make(caller, this.hasVersions(entity)))
    }
    const id = this.shared.get(entity)!
    if (!this.held.has(`${entity}:${id}:${caller.role}`)) {
      await this.holdTask(entity, id, caller)
      this.held.add(`${entity}:${id}:${caller.role}`)
    }
    return id
  }

  /** After a refused cell changed the shared document: it goes, and the next cell gets a new one. */
  async dropShared(entity: string) {
    const id = this.shared.get(entity)
    this.shared.delete(entity)
    await this.cleanup(entity, [id])
  }

  /** A document of its own for a cell that may change it; else a fixture outside `keep` (refusals only). */
  async ownTarget(kind: string, entity: string, caller: Caller, withHistory: boolean, keep: string[] = []): Promise<{ id: Id; throwaway: boolean }> {
    const make = this.factories[entity]?.make
    if (make) {
      // Kept documents are the caller's own: the other one belongs to someone else (a preference's owner).
      const owner = keep.length ? { ...caller, userId: this.seeded.fixtures.users?.other } : caller
      const id = await make(owner, withHistory)
      await this.holdTask(entity, id, caller)
      return { id, throwaway: true }
    }
    const rules = entityPolicy(kind, entity)!
    const candidates = namedIds(this.seeded, entity, caller.role, rules.fixtures)
    const pick = candidates.find(([name]) => !keep.includes(name)) ?? candidates[0]
    return { id: pick ? pick[1] : 1, throwaway: false }
  }

  /** The oldest version of a document: restoring it is a real change. */
  async oldestVersion(entity: string, id: Id): Promise<Id | undefined> {
    const { docs } = await this.testHost.payload.findVersions({
      collection: entity as CollectionSlug,
      limit: 1,
      overrideAccess: true,
      sort: 'createdAt',
      where: { parent: { equals: id } },
    })
    return docs[0]?.id
  }

  private probe?: Promise<{ email: string; password: string }>

  /**
   * An account for the auth routes (log in, forgot, reset, unlock): one for the whole file, since
   * hashing a password is the slowest thing a cell would do. A reset sets the same password again.
   */
  probeUser() {
    this.probe ??= (async () => {
      const email = 'mx-probe@example.org'
      const password = probePassword
      await this.testHost.payload.create({ collection: 'users', data: { name: 'Probe', email, password, roles: ['editor'] } as never, overrideAccess: true })
      return { email, password }
    })()
    return this.probe
  }

  async cleanup(entity: string, ids: Array<Id | undefined>) {
    for (const id of ids) {
      if (id !== undefined) {
        await this.testHost.payload.delete({ id, collection: entity as CollectionSlug, overrideAccess: true }).catch(() => undefined)
      }
    }
  }
}
