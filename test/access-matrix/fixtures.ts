/**
 * The data every cell of the matrix needs, seeded once per test file through the Local API with
 * access off (setup, not an action under test), and the callers: one session or key per role.
 * Mutating cells work on throwaway documents made by `throwaways` below, never on the fixtures.
 */
import type { CollectionSlug, Payload } from 'payload'

import sharp from 'sharp'

import { paragraphs } from '@/lib/richText'

import type { TestHost } from '../helpers/host'
import type { MatrixRole } from './policy'

import { createHotline, createModule, createPartner, createPhase, createReport, releasePhase } from '../helpers/content'
import { createUser } from '../helpers/users'
import { phaseWithApprovedDeliverable } from '../phase-gate/shared'
import { matrixRoles, otherLocale, ownLocale, secrets } from './policy'

export type Id = number | string

export type Caller = { credentials?: { email: string; password: string }; headers: Record<string, string>; role: MatrixRole; userId?: Id }

export type Seeded = {
  callers: Record<MatrixRole, Caller>
  /** entity → fixture name → id; `self` of users and `ownPreference` depend on the caller. */
  fixtures: Record<string, Record<string, Id>>
  /** Per-caller fixtures (a user's own account, own preference). */
  perCaller: Record<string, Partial<Record<MatrixRole, Id>>>
  /** entity → fixture name → uploaded file name and its resized copies, for /file/. */
  files: Record<string, Record<string, { filename: string; sizes: string[] }>>
  /**
   * Puts back, before each of an entity's cells, fixtures that other cells legitimately change: any
   * content write marks the print editions stale and withholds them until the worker (which the
   * matrix never runs) has confirmed them.
   */
  restore: Record<string, () => Promise<void>>
}

const m = secrets
const create = (payload: Payload, collection: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  payload.create({ collection: collection as CollectionSlug, data: data as never, overrideAccess: true, ...extra }) as unknown as Promise<{
    [key: string]: unknown
    id: Id
  }>

/** A PNG wide enough for every resized copy (320, 768 and 1600 px). */
export const pngOfWidth = (width: number) =>
  sharp({ create: { background: '#336699', channels: 3, height: 40, width } }).png().toBuffer()

async function upload(payload: Payload, name: string, data: Record<string, unknown>, width = 1700) {
  const buffer = await pngOfWidth(width)
  return create(payload, 'media', data, { file: { name, data: buffer, mimetype: 'image/png', size: buffer.length } })
}

async function taskOf(payload: Payload, collection: string, documentId: Id, locale: string) {
  const { docs } = await payload.find({
    collection: 'translation-tasks' as CollectionSlug,
    overrideAccess: true,
    where: { and: [{ targetCollection: { equals: collection } }, { documentId: { equals: String(documentId) } }, { locale: { equals: locale } }] },
  })
  return docs[0] as unknown as { id: Id }
}

/** Payload takes a preference's owner from the request's user, never from the data. */
async function preferenceOf(payload: Payload, userId: Id, key: string, value: unknown) {
  const user = await payload.findByID({ id: userId, collection: 'users', overrideAccess: true })
  return create(payload, 'payload-preferences', { key, value }, { user: { ...user, collection: 'users' } })
}

const bearer = (token: string) => ({ authorization: `JWT ${token}` })

/** Seeds everything once; about 2 s. */
export async function seed(testHost: TestHost): Promise<Seeded> {
  const { client, payload } = testHost
  const admin = await createUser(payload, ['admin'])
  const editor = await createUser(payload, ['editor'])
  const translatorOwn = await createUser(payload, ['translator'], { translatorLocales: [ownLocale] })
  const translatorOther = await createUser(payload, ['translator'], { translatorLocales: [otherLocale] })
  const steering = await createUser(payload, ['steering'])
  const otherMembers = [await createUser(payload, ['steering']), await createUser(payload, ['steering']), await createUser(payload, ['steering'])]
  const otherUser = await create(payload, 'users', {
    name: 'Other user',
    email: m.otherUserEmail.marker,
    password: 'Password-other-correct-horse',
    roles: ['translator'],
    translatorLocales: ['de'],
  })

  const scopeOptions = (payload.collections['api-clients' as CollectionSlug].config.fields.find((field) => 'name' in field && field.name === 'scopes') as {
    options: string[]
  }).options
  const scopedClient = await create(payload, 'api-clients', { name: 'Matrix hotline widget', scopes: ['hotlines'] })
  const publicClient = await create(payload, 'api-clients', { name: 'Matrix public site', scopes: scopeOptions })

  const login = async (user: { email: string; password: string }) => bearer((await client.login(user)).token)
  const callers: Record<MatrixRole, Caller> = {
    admin: { credentials: admin, headers: await login(admin), role: 'admin', userId: admin.id },
    anonymous: { headers: {}, role: 'anonymous' },
    apiKeyPublic: { headers: { authorization: `API-Key ${String(publicClient.apiKey)}` }, role: 'apiKeyPublic' },
    apiKeyScoped: { headers: { authorization: `API-Key ${String(scopedClient.apiKey)}` }, role: 'apiKeyScoped' },
    editor: { credentials: editor, headers: await login(editor), role: 'editor', userId: editor.id },
    steering: { credentials: steering, headers: await login(steering), role: 'steering', userId: steering.id },
    translatorOther: { credentials: translatorOther, headers: await login(translatorOther), role: 'translatorOther', userId: translatorOther.id },
    translatorOwn: { credentials: translatorOwn, headers: await login(translatorOwn), role: 'translatorOwn', userId: translatorOwn.id },
  }

  // ——— programme content: a published and a draft document of each collection ———
  const phase = await createPhase(payload, { number: 1 })
  await releasePhase(payload, phase.id)
  const draftPhase = await createPhase(payload, { _status: 'draft', number: 3, title: `${m.draftContent.marker} phase` })
  const deliverable = (data: Record<string, unknown>) =>
    create(payload, 'deliverables', { type: 'pocket-card', _status: 'published', phase: phase.id, title: 'Matrix card', ...data })
  const fixtures: Seeded['fixtures'] = {
    deliverables: {
      draft: (await deliverable({ _status: 'draft', title: `${m.draftContent.marker} card` })).id,
      published: (await deliverable({})).id,
    },
    hotlines: {
      draft: (await createHotline(payload, { name: `${m.draftContent.marker} hotline`, _status: 'draft' })).id,
      published: (await createHotline(payload, { verification: { lastVerifiedAt: new Date().toISOString(), lastVerifiedBy: editor.id } })).id,
    },
    partners: {
      draft: (await createPartner(payload, { name: `${m.draftContent.marker} partner`, _status: 'draft' })).id,
      published: (await createPartner(payload, { contactEmail: 'mx-staff-only@example.org', contactPerson: m.staffOnlyField.marker })).id,
    },
    phases: { draft: draftPhase.id, published: phase.id },
    reports: {
      draft: (await createReport(payload, { _status: 'draft', title: `${m.draftContent.marker} report` })).id,
      internal: (await createReport(payload, { title: `${m.internalReport.marker} report`, visibility: 'internal' })).id,
      published: (await createReport(payload, { title: 'Matrix public report' })).id,
    },
    'training-modules': {
      draft: (await createModule(payload, { _status: 'draft', title: `${m.draftContent.marker} module` })).id,
      published: (await createModule(payload, { trainerNotes: paragraphs(`${m.staffOnlyField.marker} notes`) })).id,
    },
  }

  // ——— media: a public asset and a private file, both with resized copies ———
  const publicAsset = await upload(payload, 'mx-public-asset.png', { alt: 'Programme logo', publicAsset: true })
  const privateFile = await upload(payload, `${m.privateMedia.marker}.png`, { alt: 'Scan of an internal form' })
  fixtures.media = { private: privateFile.id, publicAsset: publicAsset.id }
  const sizesOf = (doc: Record<string, unknown>) =>
    Object.values((doc.sizes ?? {}) as Record<string, { filename?: null | string }>).flatMap(({ filename }) => (filename ? [filename] : []))
  const files: Seeded['files'] = {
    media: {
      private: { filename: String(privateFile.filename), sizes: sizesOf(privateFile) },
      publicAsset: { filename: String(publicAsset.filename), sizes: sizesOf(publicAsset) },
    },
  }

  // ——— print: an edition offered to the public and one withheld (stale), each with its file ———
  const printFile = async (name: string, offered: boolean) => {
    const buffer = await pngOfWidth(60)
    return create(payload, 'print-files', { kind: 'preview', offered }, { file: { name, data: buffer, mimetype: 'image/png', size: buffer.length } })
  }
  const offeredFile = await printFile('mx-print-offered.png', true)
  const withheldFile = await printFile(`${m.withheldPrint.marker}.png`, false)
  const edition = async (locale: string, offered: boolean, preview: Id) =>
    create(payload, 'print-editions', {
      deliverable: fixtures.deliverables.published,
      leftOut: [{ kind: 'hotline', label: `${m.printReport.marker} line`, reason: 'never verified' }],
      locale,
      offered,
      preview,
      status: offered ? 'current' : 'stale',
      template: 'pocket-card',
      version: offered ? 'mx-offered' : 'mx-withheld',
    })
  const offeredEdition = await edition('en', true, offeredFile.id)
  fixtures['print-editions'] = { offered: offeredEdition.id, withheld: (await edition('de', false, withheldFile.id)).id }
  const reoffer = async () => {
    await payload.db.updateOne({ id: offeredEdition.id, collection: 'print-editions', data: { offered: true, status: 'current' } })
    await payload.db.updateOne({ id: offeredFile.id, collection: 'print-files', data: { offered: true } })
  }
  const restore = { 'print-editions': reoffer, 'print-files': reoffer }
  fixtures['print-files'] = { offered: offeredFile.id, withheld: withheldFile.id }
  files['print-files'] = {
    offered: { filename: String(offeredFile.filename), sizes: [] },
    withheld: { filename: String(withheldFile.filename), sizes: [] },
  }

  // ——— users ———
  fixtures.users = { other: otherUser.id }
  const perCaller: Seeded['perCaller'] = {
    users: Object.fromEntries(matrixRoles.flatMap((role) => (callers[role].userId ? [[role, callers[role].userId]] : []))),
  }

  // ——— translation: the own-locale translator holds the open task of the published hotline ———
  const ownTask = await taskOf(payload, 'hotlines', fixtures.hotlines.published, ownLocale)
  const claimed = await client.json('POST', `/api/translation-tasks/${ownTask.id}/claim`, { auth: { token: callers.translatorOwn.headers.authorization.slice(4) } })
  if (claimed.status !== 200) {
    throw new Error(`claiming the ${ownLocale} task failed: ${JSON.stringify(claimed.body)}`)
  }
  fixtures['translation-tasks'] = {
    otherLocale: (await taskOf(payload, 'hotlines', fixtures.hotlines.published, otherLocale)).id,
    ownLocale: ownTask.id,
  }
  fixtures['glossary-terms'] = {
    otherLocale: (await create(payload, 'glossary-terms', { locale: otherLocale, term: m.terminologyOther.marker })).id,
    ownLocale: (await create(payload, 'glossary-terms', { locale: ownLocale, term: m.terminologyOwn.marker })).id,
  }
  fixtures['translation-memory'] = {
    otherLocale: (await create(payload, 'translation-memory', { source: 'Hotline', target: m.terminologyOther.marker, targetLocale: otherLocale })).id,
    ownLocale: (await create(payload, 'translation-memory', { source: 'Hotline', target: m.terminologyOwn.marker, targetLocale: ownLocale })).id,
  }

  // ——— phase gate: an open round on phase 2's gate with two of four members' votes ———
  const { gate } = await phaseWithApprovedDeliverable(payload, 2)
  const opened = await client.json<{ doc: { id: Id } }>('POST', '/api/gate-rounds', {
    body: { dueAt: new Date(Date.now() + 3_600_000).toISOString(), gate: gate.id },
    headers: callers.editor.headers,
  })
  if (opened.status !== 201) {
    throw new Error(`opening the round failed: ${JSON.stringify(opened.body)}`)
  }
  const vote = async (headers: Record<string, string>, choice: string, comment: string) => {
    const cast = await client.json<{ doc: { id: Id } }>('POST', '/api/gate-votes', { body: { choice, comment, round: opened.body.doc.id }, headers })
    if (cast.status !== 201) {
      throw new Error(`a vote failed: ${JSON.stringify(cast.body)}`)
    }
    return cast.body.doc.id
  }
  fixtures.gates = { gate: gate.id }
  fixtures['gate-rounds'] = { openRound: opened.body.doc.id }
  fixtures['gate-votes'] = {
    otherVote: await vote(bearer((await client.login(otherMembers[0])).token), 'reject', m.otherVoteComment.marker),
    ownVote: await vote(callers.steering.headers, 'approve', m.ownVoteComment.marker),
  }
  const events = await payload.find({ collection: 'gate-events' as CollectionSlug, limit: 1, overrideAccess: true })
  fixtures['gate-events'] = { event: events.docs[0]!.id }

  // ——— delivery API, Payload's own collections ———
  fixtures['api-clients'] = { scopedClient: scopedClient.id }
  const webhook = await create(payload, 'webhooks', {
    name: 'Matrix receiver',
    // Active, as in production: a restore or publish must also succeed with a subscriber (finding 14).
    allowPrivateNetwork: true,
    events: ['publish'],
    url: `http://127.0.0.1:9/${m.webhookTarget.marker}`,
  })
  fixtures.webhooks = { webhook: webhook.id }
  fixtures['webhook-deliveries'] = { delivery: (await create(payload, 'webhook-deliveries', { event: 'publish', webhook: webhook.id })).id }
  const job = (await payload.jobs.queue({ input: { deliveryId: fixtures['webhook-deliveries'].delivery } as never, task: 'deliverWebhook' as never })) as unknown as { id: Id }
  fixtures['payload-jobs'] = { job: job.id }
  fixtures['payload-locked-documents'] = {
    editorLock: (
      await create(payload, 'payload-locked-documents', {
        document: { relationTo: 'hotlines', value: fixtures.hotlines.draft },
        user: { relationTo: 'users', value: editor.id },
      })
    ).id,
  }
  const preference = (userId: Id, value: unknown) => preferenceOf(payload, userId, 'mx-preference', value)
  fixtures['payload-preferences'] = { otherPreference: (await preference(otherUser.id, { note: m.otherPreference.marker })).id }
  perCaller['payload-preferences'] = {}
  for (const role of matrixRoles) {
    const userId = callers[role].userId
    if (userId !== undefined) {
      perCaller['payload-preferences'][role] = (await preference(userId, { note: 'own' })).id
    }
  }
  await payload.updateGlobal({ slug: 'programme' as never, data: { name: 'Joint Efforts' } as never, overrideAccess: true })
  fixtures.programme = {}
  fixtures['payload-kv'] = { entry: (await create(payload, 'payload-kv', { data: { note: 'matrix' }, key: 'mx-kv-entry' })).id }
  fixtures['payload-migrations'] = {}
  // The search index's entry for the published hotline, written by the plugin when it was created.
  const [searchEntry] = (await payload.find({ collection: 'search-entries' as CollectionSlug, limit: 1, overrideAccess: true, where: { doc: { equals: `hotlines:${fixtures.hotlines!.published}` } } })).docs
  fixtures['search-entries'] = { entry: searchEntry!.id as Id }
  // A finished (failed) XLIFF import journal: nothing resumes it; every refused cell must leave it as it is.
  fixtures['xliff-imports'] = {
    journal: (await create(payload, 'xliff-imports', { failure: 'matrix fixture', locale: ownLocale, state: 'failed', uploader: { matrix: true }, writes: [] })).id,
  }
  return { callers, files, fixtures, perCaller, restore }
}

/** The fixture ids a caller's cell refers to: shared fixtures plus their own account or preference. */
export function fixturesFor(seeded: Seeded, entity: string, role: MatrixRole): Record<string, Id | undefined> {
  const own = seeded.perCaller[entity]?.[role]
  const shared = seeded.fixtures[entity] ?? {}
  if (entity === 'users') {
    return { ...shared, self: own }
  }
  if (entity === 'payload-preferences') {
    return { ...shared, ownPreference: own }
  }
  return shared
}

export type Throwaway = {
  /** A valid create body (may depend on the caller). */
  body: (caller: Caller) => Promise<Record<string, unknown>> | Record<string, unknown>
  /** A change an update makes, and the query string it needs. */
  change: Record<string, unknown>
  /** Makes a document for one mutating cell; `withHistory`: saved twice, so that a version can be restored. */
  make?: (caller: Caller, withHistory?: boolean, key?: string) => Promise<Id>
  /** A change of one localized field only, what a translator may write in their locale. */
  translate?: Record<string, unknown>
  /** Operations whose success is impossible on this data (a unique field): a 400 proves access passed. */
  validationOnly?: string[]
}

let serial = 0
const next = () => ++serial

/** Throwaway documents for mutating cells; entities without one are mutated by nobody, or on fixtures. */
export function throwaways(testHost: TestHost, seeded: Seeded): Record<string, Throwaway> {
  const { payload } = testHost
  const phase = seeded.fixtures.phases.published
  /** With history, a second save leaves the first as a version to restore. */
  const saved = async (collection: string, data: Record<string, unknown>, change: Record<string, unknown>, withHistory?: boolean) => {
    const doc = await create(payload, collection, data)
    if (withHistory) {
      await payload.update({ id: doc.id, collection: collection as CollectionSlug, data: change as never, overrideAccess: true })
    }
    return doc.id
  }
  const content = (collection: string, data: () => Record<string, unknown>, change: Record<string, unknown>, validationOnly?: string[]): Throwaway => {
    const sample = data()
    return {
      body: () => data(),
      change,
      make: (_caller, withHistory) => saved(collection, data(), change, withHistory),
      translate: '_status' in sample ? { ['name' in sample ? 'name' : 'title']: 'Vertaald' } : undefined,
      validationOnly,
    }
  }
  /**
   * What the throwaway locks lock: a published hotline of their own whose open nl task the
   * own-locale translator holds (the fixture task goes through the workflow's transition cells).
   */
  let lockTargetId: Promise<Id> | undefined
  const lockTarget = () =>
    (lockTargetId ??= (async () => {
      const id = await saved('hotlines', { name: `Matrix locked hotline ${next()}`, _status: 'published', country: 'BE', phone: '+3232011690' }, {})
      const task = await taskOf(payload, 'hotlines', id, ownLocale)
      const claimed = await testHost.client.json('POST', `/api/translation-tasks/${task.id}/claim`, { headers: seeded.callers.translatorOwn.headers })
      if (claimed.status !== 200) {
        throw new Error(`claiming the ${ownLocale} task of the locked hotline failed: ${JSON.stringify(claimed.body)}`)
      }
      return id
    })())
  // Phases are numbered 1–5 and unique: 1–3 are fixtures, throwaways take 4 and are deleted after each cell.
  return {
    'api-clients': content('api-clients', () => ({ name: `Matrix client ${next()}`, scopes: ['hotlines'] }), { name: 'Renamed client' }),
    // A draft: publishing a deliverable waits for its gate's sequencing, which is not what is tested here.
    deliverables: content('deliverables', () => ({ type: 'pocket-card', _status: 'draft', phase, title: `Throwaway card ${next()}` }), { title: 'Changed title' }),
    'glossary-terms': content('glossary-terms', () => ({ locale: ownLocale, term: `Throwaway term ${next()}` }), { definition: 'Changed definition' }),
    hotlines: content('hotlines', () => ({ name: `Throwaway hotline ${next()}`, _status: 'published', country: 'BE', phone: '+3232011690' }), {
      name: 'Changed name',
    }),
    media: {
      body: () => ({}),
      change: { alt: 'Changed alt' },
      make: async () => (await upload(payload, `throwaway-${next()}.png`, { alt: 'Throwaway' }, 400)).id,
    },
    partners: content('partners', () => ({ name: `Throwaway partner ${next()}`, _status: 'published', country: 'BE', sector: 'ngo' }), { acronym: 'CHG' }),
    'payload-locked-documents': {
      body: async (caller) => ({
        document: { relationTo: 'hotlines', value: await lockTarget() },
        user: { relationTo: 'users', value: caller.userId ?? seeded.fixtures.users.other },
      }),
      change: {},
      make: async (caller) =>
        (
          await create(payload, 'payload-locked-documents', {
            document: { relationTo: 'hotlines', value: await lockTarget() },
            user: { relationTo: 'users', value: caller.userId ?? seeded.fixtures.users.other },
          })
        ).id,
    },
    'payload-preferences': {
      body: () => ({ key: `mx-throwaway-${next()}`, value: { a: 1 } }),
      change: { value: { a: 2 } },
      make: async (caller, _withHistory, key) => (await preferenceOf(payload, caller.userId ?? seeded.fixtures.users.other, key ?? `mx-throwaway-${next()}`, { a: 1 })).id,
    },
    phases: {
      ...content('phases', () => ({ _status: 'published', number: 4, title: `Throwaway phase ${next()}` }), { title: 'Changed title' }, ['duplicate']),
      // Numbers are unique and 1–5: a throwaway takes whichever of 4 and 5 is free.
      make: async (_caller, withHistory) => {
        const taken = (await payload.find({ collection: 'phases', draft: true, overrideAccess: true, pagination: false })).docs.map((doc) => (doc as { number?: number }).number)
        const number = [4, 5].find((candidate) => !taken.includes(candidate))
        return saved('phases', { _status: 'published', number, title: `Throwaway phase ${next()}` }, { title: 'Changed title' }, withHistory)
      },
    },
    reports: content('reports', () => ({ type: 'evaluation-report', _status: 'published', title: `Throwaway report ${next()}`, visibility: 'public' }), {
      title: 'Changed title',
    }),
    'training-modules': content('training-modules', () => ({ _status: 'published', code: `T${next()}`, title: `Throwaway module ${serial}` }), { title: 'Changed title' }, [
      'duplicate',
    ]),
    'translation-memory': content('translation-memory', () => ({ source: `Source ${next()}`, target: 'Doel', targetLocale: ownLocale }), { target: 'Changed' }),
    'translation-tasks': {
      body: () => ({ documentId: '1', locale: ownLocale, targetCollection: 'hotlines' }),
      change: { priority: 'high' },
      make: async () => {
        const hotline = await create(payload, 'hotlines', { name: `Task hotline ${next()}`, _status: 'published', country: 'BE', phone: '+3232011690' })
        return (await taskOf(payload, 'hotlines', hotline.id, ownLocale)).id
      },
    },
    users: content('users', () => ({ name: `Throwaway ${next()}`, email: `throwaway-${serial}@example.org`, password: 'Password-throwaway-correct-horse', roles: ['editor'] }), {
      name: 'Changed name',
    }),
    'webhook-deliveries': {
      body: () => ({ event: 'publish' }),
      change: { lastError: 'changed' },
      make: async () => (await create(payload, 'webhook-deliveries', { event: 'publish' })).id,
    },
    webhooks: content('webhooks', () => ({ name: `Throwaway ${next()}`, allowPrivateNetwork: true, events: ['publish'], url: 'http://127.0.0.1:9/throwaway' }), {
      name: 'Changed name',
    }),
  }
}
