/**
 * The access policy of the CMS as data: role × collection/global/endpoint × operation → verdict.
 * One reviewable file; test/access-matrix/*.int.spec.ts check every cell over REST and GraphQL
 * against the running server, and fail for any route or operation of the running config that has
 * no row here. How to read and extend it: docs/access-policy.md.
 */

export const matrixRoles = [
  'anonymous',
  'apiKeyScoped',
  'apiKeyPublic',
  'translatorOwn',
  'translatorOther',
  'steering',
  'editor',
  'admin',
] as const

export type MatrixRole = (typeof matrixRoles)[number]

/** How a failing cell names its role. */
export const roleLabels: Record<MatrixRole, string> = {
  admin: 'admin',
  anonymous: 'anonymous',
  apiKeyPublic: 'API key(all public scopes)',
  apiKeyScoped: 'API key(hotlines)',
  editor: 'editor',
  steering: 'steering',
  translatorOther: 'translator(other locale)',
  translatorOwn: "translator(document's locale)",
}

/** The locale of the fixtures' translation tasks; the other translator translates `otherLocale`. */
export const ownLocale = 'nl'
export const otherLocale = 'fr'

/**
 * - `allowed`: the operation succeeds on every fixture of the collection.
 * - `refused`: 401/403 (404 where Payload hides a document), and nothing changes.
 * - `filtered`: succeeds, but only on the fixtures named in `sees` (reads), or only in the way
 *   `filtered` says (writes: a translator's own-locale draft).
 */
export type Verdict = 'allowed' | 'refused' | { filtered: string; sees?: string[] }

export type Row = Record<MatrixRole, Verdict>

/** Operations Payload exposes; custom endpoints are keyed `METHOD /path` as their config says. */
export type Operation =
  | 'count'
  | 'create'
  | 'delete'
  | 'deleteWhere'
  | 'docAccess'
  | 'duplicate'
  | 'file'
  | 'fileSize'
  | 'find'
  | 'findByID'
  | 'firstRegister'
  | 'forgotPassword'
  | 'init'
  | 'login'
  | 'logout'
  | 'me'
  | 'pasteUrl'
  | 'read'
  | 'refreshToken'
  | 'resetPassword'
  | 'restoreVersion'
  | 'unlock'
  | 'update'
  | 'updateWhere'
  | 'verify'
  | 'versionByID'
  | 'versions'
  | `${'DELETE' | 'GET' | 'PATCH' | 'POST' | 'PUT'} /${string}`

export type EntityPolicy = {
  /** Documents the suite seeds (test/access-matrix/fixtures.ts) and `sees` refers to. */
  fixtures: string[]
  /**
   * Fields a role may not see where it may read: absent from every answer (the name does not even
   * appear, so `translation.fallbackFields` cannot name it) and refused in `where` and `sort`.
   * A map narrows them to some fixtures (other users' accounts, other members' votes).
   */
  hidden?: Partial<Record<MatrixRole, Record<string, string[]> | string[]>>
  operations: Partial<Record<Operation, Row>>
}

// ——— row builders: a row names who is allowed; everyone else is refused ———

const row = (verdicts: Partial<Record<MatrixRole, Verdict>>, rest: Verdict = 'refused'): Row =>
  Object.fromEntries(matrixRoles.map((role) => [role, verdicts[role] ?? rest])) as Row

const allow = (...allowed: MatrixRole[]): Row => row(Object.fromEntries(allowed.map((role) => [role, 'allowed'])))

const nobody = row({})
const staff: MatrixRole[] = ['translatorOwn', 'translatorOther', 'steering', 'editor', 'admin']
const editors: MatrixRole[] = ['editor', 'admin']
/** Staff, never a key; anonymous gets Payload's own answer about itself (it reveals nothing). */
const selfDescription = row({ anonymous: 'allowed', ...Object.fromEntries(staff.map((role) => [role, 'allowed'])) })

/** Collections without versions still get Payload's version routes: nobody may use them. */
const noVersions = { restoreVersion: nobody, versionByID: nobody, versions: nobody }

/** The same rule for every Payload CRUD operation of a collection. */
function crud(read: Row, write: Row, extra: Partial<Record<Operation, Row>> = {}): Partial<Record<Operation, Row>> {
  return {
    count: read,
    create: write,
    delete: write,
    deleteWhere: write,
    docAccess: selfDescription,
    duplicate: write,
    find: read,
    findByID: read,
    update: write,
    updateWhere: write,
    ...noVersions,
    ...extra,
  }
}

// ——— programme content ———

const published = { filtered: 'published only', sees: ['published'] }
const publicReports = { filtered: 'published public reports only', sees: ['published'] }

function content(slug: string, hiddenFromPublic: string[] = [], fixtures = ['published', 'draft']): EntityPolicy {
  const publicRead = slug === 'reports' ? publicReports : published
  const read = row({
    anonymous: publicRead,
    apiKeyPublic: publicRead,
    apiKeyScoped: slug === 'hotlines' ? publicRead : 'refused',
    ...Object.fromEntries(staff.map((role) => [role, 'allowed'])),
  })
  const editorsOnly = allow(...editors)
  const hidden = hiddenFromPublic.length
    ? { anonymous: hiddenFromPublic, apiKeyPublic: hiddenFromPublic, apiKeyScoped: hiddenFromPublic }
    : undefined
  return {
    fixtures,
    hidden,
    operations: {
      ...crud(read, editorsOnly),
      restoreVersion: editorsOnly,
      // A translator writes one localized field of their locale, as a draft, holding an open task.
      update: row({ ...Object.fromEntries(editors.map((role) => [role, 'allowed'])), translatorOwn: { filtered: 'own locale, open task, draft only' } }),
      versionByID: allow(...staff),
      versions: allow(...staff),
    },
  }
}

const users: EntityPolicy = {
  fixtures: ['self', 'other'],
  // Other staff see only the name (and id) of other users; a user sees all of their own account.
  hidden: Object.fromEntries(
    ['translatorOwn', 'translatorOther', 'steering', 'editor'].map((role) => [role, { other: ['email', 'roles', 'translatorLocales'] }]),
  ),
  operations: {
    ...crud(allow(...staff), allow('admin')),
    firstRegister: nobody,
    forgotPassword: row({ anonymous: 'allowed', ...Object.fromEntries(staff.map((role) => [role, 'allowed'])) }),
    init: row({ anonymous: 'allowed', ...Object.fromEntries(staff.map((role) => [role, 'allowed'])) }),
    login: row({ anonymous: 'allowed', ...Object.fromEntries(staff.map((role) => [role, 'allowed'])) }),
    logout: allow(...staff),
    me: allow(...staff),
    refreshToken: allow(...staff),
    resetPassword: row({ anonymous: 'allowed', ...Object.fromEntries(staff.map((role) => [role, 'allowed'])) }),
    unlock: allow('admin'),
    // Everyone updates their own account; admins every account.
    update: row({ ...Object.fromEntries(staff.map((role) => [role, { filtered: 'own account only', sees: ['self'] }])), admin: 'allowed' }),
    updateWhere: row({ ...Object.fromEntries(staff.map((role) => [role, { filtered: 'own account only', sees: ['self'] }])), admin: 'allowed' }),
    verify: nobody,
  },
}

const adminOnly = (fixtures: string[], extra: Partial<Record<Operation, Row>> = {}): EntityPolicy => ({
  fixtures,
  operations: crud(allow('admin'), allow('admin'), extra),
})

const nobodyAtAll = (fixtures: string[] = []): EntityPolicy => ({ fixtures, operations: crud(nobody, nobody) })

const ownLocaleOnly = { filtered: 'entries of the locales they translate', sees: ['ownLocale'] }
const otherLocaleOnly = { filtered: 'entries of the locales they translate', sees: ['otherLocale'] }

/** Translation memory and glossary: editors and admins all; a translator their locales; steering none. */
const terminology: EntityPolicy = {
  fixtures: ['ownLocale', 'otherLocale'],
  operations: crud(row({ admin: 'allowed', editor: 'allowed', translatorOther: otherLocaleOnly, translatorOwn: ownLocaleOnly }), allow(...editors)),
}

const shadowedByKey = row(Object.fromEntries(staff.map((role) => [role, { filtered: 'own preferences only (REST: the /:key route answers)', sees: ['ownPreference'] }])))

const workflowRules = row({
  admin: { filtered: 'the workflow decides by state and holder' },
  editor: { filtered: 'the workflow decides by state and holder' },
  translatorOwn: { filtered: 'the workflow decides by state and holder' },
})

/** Prints: the public (and a key with the print scopes) gets what is offered; the hotline key has no print scope. */
const offeredOrStaff = row({
  anonymous: { filtered: 'offered (current) editions only', sees: ['offered'] },
  apiKeyPublic: { filtered: 'offered (current) editions only', sees: ['offered'] },
  ...Object.fromEntries(staff.map((role) => [role, 'allowed'])),
})

const decisionsOnly = { filtered: 'who voted, not how, until the round is decided', sees: ['ownVote', 'otherVote'] }

export const policy: {
  collections: Record<string, EntityPolicy>
  endpoints: Partial<Record<Operation, Row>>
  globals: Record<string, EntityPolicy>
} = {
  collections: {
    'api-clients': adminOnly(['scopedClient'], {
      duplicate: nobody,
      firstRegister: nobody,
      forgotPassword: nobody,
      // Whether a first account exists: Payload tells anyone; never a key (it is no session).
      init: row({ anonymous: 'allowed', ...Object.fromEntries(staff.map((role) => [role, 'allowed'])) }),
      // Keys have no password; the local strategy is off.
      login: nobody,
      logout: nobody,
      // A key is a reader of its scopes and nothing else: not even `/me`.
      me: nobody,
      'POST /:id/rotate': allow('admin'),
      refreshToken: nobody,
      resetPassword: nobody,
      unlock: nobody,
      verify: nobody,
    }),
    deliverables: content('deliverables'),
    'gate-events': {
      fixtures: ['event'],
      operations: crud(allow(...staff), nobody, {
        'GET /export': allow(...staff),
        'GET /verify': allow(...staff),
      }),
    },
    'gate-rounds': {
      fixtures: ['openRound'],
      operations: crud(allow(...staff), nobody, {
        create: allow('steering', 'editor', 'admin'),
        update: allow('admin'),
        updateWhere: allow('admin'),
      }),
    },
    'gate-votes': {
      fixtures: ['ownVote', 'otherVote'],
      hidden: { steering: { otherVote: ['choice', 'comment'] } },
      operations: crud(row({ admin: 'allowed', steering: decisionsOnly }), nobody, {
        create: allow('steering'),
        // The update rule is a filter on the voter (`member`): by id or by `where`, a member
        // changes their own vote only (a recusal stays final: 409, test/phase-gate).
        update: row({ steering: { filtered: 'own vote only', sees: ['ownVote'] } }),
        updateWhere: row({ steering: { filtered: 'own vote only', sees: ['ownVote'] } }),
      }),
    },
    gates: { fixtures: ['gate'], operations: crud(allow(...staff), allow(...editors), { delete: nobody, deleteWhere: nobody, duplicate: nobody }) },
    'glossary-terms': terminology,
    hotlines: (() => {
      const hotlines = content('hotlines', ['verification.lastVerifiedBy'])
      // The finder is the public directory: published lines only, for staff too (never a preview);
      // a key reads it with the hotlines scope, as it reads the list (docs/api.md, Hotline finder).
      return { ...hotlines, operations: { ...hotlines.operations, 'GET /find': row({}, { filtered: 'published only', sees: ['published'] }) } }
    })(),
    media: {
      fixtures: ['publicAsset', 'private'],
      operations: {
        ...crud(
          row({
            anonymous: { filtered: 'public assets only', sees: ['publicAsset'] },
            apiKeyPublic: { filtered: 'public assets only', sees: ['publicAsset'] },
            // Media is not among its scopes.
            apiKeyScoped: 'refused',
            ...Object.fromEntries(staff.map((role) => [role, 'allowed'])),
          }),
          allow(...editors),
        ),
        file: row({
          anonymous: { filtered: 'public assets only', sees: ['publicAsset'] },
          apiKeyPublic: { filtered: 'public assets only', sees: ['publicAsset'] },
          ...Object.fromEntries(staff.map((role) => [role, 'allowed'])),
        }),
        fileSize: row({
          anonymous: { filtered: 'public assets only', sees: ['publicAsset'] },
          apiKeyPublic: { filtered: 'public assets only', sees: ['publicAsset'] },
          ...Object.fromEntries(staff.map((role) => [role, 'allowed'])),
        }),
        // Upload from a URL is refused outright (docs/architecture.md, Uploads).
        pasteUrl: nobody,
      },
    },
    partners: content('partners', ['contactPerson', 'contactEmail']),
    // Admins and the system only.
    'payload-jobs': {
      fixtures: ['job'],
      // Running jobs over the API is for admins (`jobs.access.run` in payload.config.ts).
      operations: { ...crud(nobody, nobody), // No task has a schedule, so the route is not served (src/host/unservedRoutes.ts).
      'GET /handle-schedules': nobody, 'GET /run': allow('admin') },
    },
    'payload-kv': nobodyAtAll(['entry']),
    // A lock is taken, taken over or released only by someone who may update the locked document
    // under its own update rule, always in one's own name; one's own lock may always be released;
    // bulk writes are editors' only; keys never (plugins/translation-workflow/access/lockAccess.ts).
    // The throwaway locks lock the published hotline, whose open nl task the own-locale translator
    // holds: asked with `?locale=nl` (the other translator with `?locale=fr`), that translator may
    // update the hotline, so may lock it; steering and the other translator may not.
    'payload-locked-documents': {
      fixtures: ['editorLock'],
      operations: crud(allow(...staff), allow(...editors), {
        create: allow('translatorOwn', ...editors),
        // Throwaway locks are in the caller's own name: releasing one's own lock is always allowed.
        delete: allow(...staff),
        duplicate: nobody,
        update: allow('translatorOwn', ...editors),
      }),
    },
    // No REST or GraphQL surface at all (graphQL: false, endpoints: false).
    'payload-migrations': nobodyAtAll(),
    'payload-preferences': {
      fixtures: ['ownPreference', 'otherPreference'],
      operations: {
        ...crud(row(Object.fromEntries(staff.map((role) => [role, { filtered: 'own preferences only', sees: ['ownPreference'] }]))), allow(...staff)),
        // Payload's `/:key` routes answer these paths (`/count`, `/versions`, `/<id>` are read as
        // preference keys): a signed-in user gets their own preference of that name, nobody else anything.
        count: shadowedByKey,
        delete: shadowedByKey,
        'DELETE /:key': allow(...staff),
        findByID: shadowedByKey,
        'GET /:key': allow(...staff),
        'POST /:key': allow(...staff),
        versions: shadowedByKey,
      },
    },
    phases: content('phases'),
    // Written by the worker only; the public is given what is current, never the editors' report.
    'print-editions': {
      fixtures: ['offered', 'withheld'],
      hidden: Object.fromEntries(
        (['anonymous', 'apiKeyPublic'] as const).map((role) => [role, ['leftOut', 'problem', 'dependsOn', 'generation', 'renderMs']]),
      ),
      operations: {
        ...crud(offeredOrStaff, nobody),
        // Editors ask for a render again; the worker does it (test/print).
        'POST /regenerate': allow(...editors),
      },
    },
    'print-files': {
      fixtures: ['offered', 'withheld'],
      operations: { ...crud(offeredOrStaff, nobody), file: offeredOrStaff, pasteUrl: nobody },
    },
    reports: content('reports', [], ['published', 'internal', 'draft']),
    // The public search's index: written by its hooks, read by its search only (plugins/public-search).
    'search-entries': nobodyAtAll(['entry']),
    'training-modules': content('training-modules', ['trainerNotes']),
    'translation-memory': terminology,
    'translation-tasks': {
      fixtures: ['ownLocale', 'otherLocale'],
      operations: {
        ...crud(row({ admin: 'allowed', editor: 'allowed', translatorOther: otherLocaleOnly, translatorOwn: ownLocaleOnly }), allow(...editors)),
        create: nobody,
        duplicate: nobody,
        'GET /queue': allow('translatorOwn', 'translatorOther', 'editor', 'admin'),
        // A transition's own rules (who holds, who reviews, in which state) are tested in
        // test/translation-workflow; here: nobody outside the workflow's roles gets past access.
        'POST /:id/approve': workflowRules,
        // On an unclaimed task of the own locale: the translator of that locale claims it.
        'POST /:id/claim': allow('translatorOwn'),
        'POST /:id/return': workflowRules,
        'POST /:id/submit': workflowRules,
        'POST /:id/unclaim': workflowRules,
      },
    },
    users,
    'webhook-deliveries': adminOnly(['delivery'], { create: nobody, duplicate: nobody, update: nobody, updateWhere: nobody }),
    webhooks: adminOnly(['webhook']),
    // The XLIFF import journal: hidden, for the system only (docs/architecture.md, XLIFF import).
    'xliff-imports': nobodyAtAll(['journal']),
  },
  endpoints: {
    'GET /access': selfDescription,
    // Search finds what the caller may read through each collection: here the reports fixtures
    // (published, internal, draft), as a search for "report" returns them. A key reaches it when its
    // scopes hold a searched collection; the hotlines key finds no report.
    'GET /search': row({
      ...Object.fromEntries(staff.map((role) => [role, { filtered: 'published, internal reports included', sees: ['published', 'internal'] }])),
      anonymous: publicReports,
      apiKeyPublic: publicReports,
      apiKeyScoped: { filtered: 'its scopes only: no report', sees: [] },
    }),
    'GET /translation-interchange/export': allow('translatorOwn', 'translatorOther', 'editor', 'admin'),
    // A translator exports the memory of their own locales only (asked here for their own one).
    // Asked for the caller's own locale: a translator analyses what they may export (steering may not).
    'GET /translation-interchange/leverage': allow('translatorOwn', 'translatorOther', 'editor', 'admin'),
    'GET /translation-interchange/memory.tmx': allow('translatorOwn', 'translatorOther', 'editor', 'admin'),
    'GET /translation-interchange/qa': allow('translatorOwn', 'translatorOther', 'editor', 'admin'),
    'GET /translation-interchange/suggestions': allow('translatorOwn', 'translatorOther', 'editor', 'admin'),
    'GET /translation-progress': allow('translatorOwn', 'translatorOther', 'editor', 'admin'),
    'POST /translation-interchange/import': allow('translatorOwn', 'translatorOther', 'editor', 'admin'),
    'POST /translation-interchange/memory.tmx': allow('editor', 'admin'),
    // Translators on tasks they hold, editors on any open task (asked here with no tasks: a 400 past access).
    'POST /translation-interchange/pre-translate': allow('translatorOwn', 'translatorOther', 'editor', 'admin'),
  },
  globals: {
    programme: {
      fixtures: ['programme'],
      operations: {
        docAccess: selfDescription,
        // The programme settings are public; for a key, `programme` is a scope of its own
        // (plugins/delivery-api/collections/ApiClients.ts): the all-public-scopes key has it, the
        // hotlines key does not.
        read: row({ ...Object.fromEntries(matrixRoles.map((role) => [role, 'allowed'])), apiKeyScoped: 'refused' }),
        update: allow(...editors),
        ...noVersions,
      },
    },
    // QA severities and leverage rates: staff read them (the rates group editors only, tested in
    // test/translation-interchange/leverage.int.spec.ts), editors change them; no site needs them.
    'translation-settings': {
      fixtures: [],
      operations: { docAccess: selfDescription, read: allow(...staff), update: allow(...editors), ...noVersions },
    },
  },
}

/**
 * Strings planted in the fixtures that only some roles may ever receive, in any answer of any
 * route (lists, populated relationships, exports, version histories, GraphQL).
 */
export const secrets: Record<string, { marker: string; seenBy: MatrixRole[] }> = {
  draftContent: { marker: 'MX-DRAFT-TEXT', seenBy: staff },
  internalReport: { marker: 'MX-INTERNAL-REPORT', seenBy: staff },
  otherPreference: { marker: 'MX-OTHER-PREFERENCE', seenBy: [] },
  otherUserEmail: { marker: 'mx-other-user@example.org', seenBy: ['admin'] },
  otherVoteComment: { marker: 'MX-OTHER-VOTE-COMMENT', seenBy: ['admin'] },
  ownVoteComment: { marker: 'MX-OWN-VOTE-COMMENT', seenBy: ['steering', 'admin'] },
  printReport: { marker: 'MX-PRINT-REPORT', seenBy: staff },
  privateMedia: { marker: 'mx-private-file', seenBy: staff },
  staffOnlyField: { marker: 'MX-STAFF-ONLY', seenBy: staff },
  terminologyOther: { marker: 'MX-TERM-OTHER-LOCALE', seenBy: ['translatorOther', 'editor', 'admin'] },
  terminologyOwn: { marker: 'MX-TERM-OWN-LOCALE', seenBy: ['translatorOwn', 'editor', 'admin'] },
  webhookTarget: { marker: 'mx-webhook-target', seenBy: ['admin'] },
  withheldPrint: { marker: 'mx-withheld-print', seenBy: staff },
}

/** Operations that change data: refused cells are checked to have changed nothing. */
export const mutatingOperations = new Set<Operation>([
  'create',
  'delete',
  'deleteWhere',
  'duplicate',
  'restoreVersion',
  'update',
  'updateWhere',
])
