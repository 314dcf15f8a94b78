/** Names and messages shared by the plugin, its endpoints and its tests. */

export const XLIFF_VERSIONS = ['2.0', '1.2'] as const

export type XliffVersion = (typeof XLIFF_VERSIONS)[number]

export const XLIFF_NAMESPACES: Record<XliffVersion, string> = {
  '1.2': 'urn:oasis:names:tc:xliff:document:1.2',
  '2.0': 'urn:oasis:names:tc:xliff:document:2.0',
}

/** Where the XLIFF endpoints answer, under the API route; the admin's XLIFF view calls the same ones. */
export const XLIFF_ENDPOINTS = { export: '/translation-interchange/export', import: '/translation-interchange/import' } as const

/** Where the translate editor's help asks, under the API route (endpoints/suggestions.ts, endpoints/qaReport.ts). */
export const ASSIST_ENDPOINTS = { qa: '/translation-interchange/qa', suggestions: '/translation-interchange/suggestions' } as const

/** Where the leverage analysis and pre-translation answer, under the API route; the XLIFF view calls the same ones. */
export const LEVERAGE_ENDPOINTS = { leverage: '/translation-interchange/leverage', preTranslate: '/translation-interchange/pre-translate' } as const

/**
 * The bands of a leverage analysis, best first, as TMS analyses count them: each segment falls into
 * the first that fits. `repetition`: a segment without a 100 % or 101 % match that occurred earlier
 * in the same job (its first occurrence is counted by its own match).
 */
export const LEVERAGE_BANDS = ['context', 'exact', 'repetition', 'fuzzy95', 'fuzzy85', 'fuzzy75', 'none'] as const

export type LeverageBand = (typeof LEVERAGE_BANDS)[number]

export const LEVERAGE_BAND_LABELS: Record<LeverageBand, string> = {
  context: 'Context match (101 %)',
  exact: '100 %',
  fuzzy75: '75–84 %',
  fuzzy85: '85–94 %',
  fuzzy95: '95–99 %',
  none: 'No match',
  repetition: 'Repetitions',
}

/** The scopes of `GET …/leverage?scope=`: an export's selection, a set of tasks, every open task by locale × collection. */
export const LEVERAGE_SCOPES = ['export', 'tasks', 'overview'] as const

/** Tasks still to be translated: what the overview analyses and an editor may pre-translate (not in review, not approved). */
export const OPEN_TASK_STATUSES = ['untranslated', 'in-progress', 'returned', 'outdated'] as const

/** Why pre-translation left a field (or a whole task) as it was. */
export const PRE_TRANSLATION_SKIPS = [
  'already-translated',
  'no-exact-match',
  'formatting',
  'never-send',
  'machine-off',
  'provider-error',
  'task-not-held',
  'task-not-open',
  'write-failed',
] as const

export type PreTranslationSkipReason = (typeof PRE_TRANSLATION_SKIPS)[number]

/** The tasks' field that keeps the last pre-translation's report and which fields it filled (for the reviewer). */
export const PRE_TRANSLATION_FIELD = 'preTranslation'

/** Slugs of the plugin's own collections and global unless `slugs` says otherwise. */
export const DEFAULT_SLUGS = {
  glossary: 'glossary-terms',
  importJournal: 'xliff-imports',
  memory: 'translation-memory',
  settings: 'translation-settings',
} as const

/** Where the admin components live, relative to the import map's base directory (the project root). */
const COMPONENTS = '/plugins/translation-interchange/components'

/** The admin components the plugin registers, as import map paths. */
export const COMPONENT_PATHS = {
  translateEditor: `${COMPONENTS}/TranslateAssist/index.client#AssistedTranslateEditor`,
  xliffNavLink: `${COMPONENTS}/XliffView/NavLink#XliffNavLink`,
  xliffView: `${COMPONENTS}/XliffView#XliffView`,
} as const

/** The states of an accepted import in its journal (collections/ImportJournal.ts). */
export const IMPORT_STATES = ['pending', 'applied', 'failed'] as const

/**
 * Where a field without a `maxLength` of its own says how long its translation may be (text printed
 * on a pocket card, shown in the hotline widget): the QA's maximum-length check and the XLIFF
 * export's max-length read it.
 */
export const MAX_TRANSLATION_LENGTH_KEY = 'maxTranslationLength'

/** Where a field or collection says its content must never reach a machine-translation provider. */
export const NEVER_SEND_KEY = 'neverSendToMachineTranslation'

/** Why a unit of an imported file was not applied. */
export const UNIT_PROBLEMS = ['unknown-document', 'unknown-unit', 'task-not-held', 'inline-tags', 'stale', 'qa', 'duplicate-unit'] as const

export type UnitProblemCode = (typeof UNIT_PROBLEMS)[number]

export const ERRORS = {
  exportNothing: 'Nothing to export: no task of yours matches.',
  exportPartMissing: (page: number, parts: number) => `This export has ${parts} part(s); there is no part ${page}.`,
  fileWithoutOriginal: 'Each <file> must name its document in its "original" attribute as "<collection>/<id>".',
  inlineWithoutId: (name: string) => `An inline <${name}> has no id.`,
  leverageEditorsOnly: 'The overview of every open task is for editors.',
  leverageTasksMissing: (ids: string[]) => `No such task of yours: ${ids.join(', ')}.`,
  leverageTooManyTasks: (max: number) => `Give at most ${max} task ids; analyse a larger set as an export in parts.`,
  leverageWithoutTasks: 'Give "tasks", a comma-separated list of task ids.',
  leverageWrongScope: (scopes: readonly string[]) => `scope must be one of ${scopes.join(', ')}.`,
  localeNotHeld: (locale: string) => `You do not translate into "${locale}".`,
  mixedTargetLanguages: 'The file mixes several target languages.',
  noFile: 'Send the XLIFF file as the request body (application/xliff+xml) or as the "file" field of a multipart form.',
  notSubmitted: (errors: Array<{ field?: unknown; message: string }>) =>
    `Written, but not sent to review: ${errors.length} QA error(s) remain. ${errors
      .map(({ field, message }) => (typeof field === 'string' ? `${field}: ${message}` : message))
      .join(' ')}`,
  notXliff: 'The file is not XLIFF 1.2 or 2.0.',
  preTranslateBody: (max: number) =>
    `Send JSON { "tasks": [ids], "machineTranslation"?: boolean } with 1 to ${max} distinct task ids.`,
  stale: 'The source changed after this file was exported; re-export and translate the new source.',
  taskNotHeld: 'You do not hold an open task for this document in this language.',
  tooManyFiles: (max: number) => `The file holds more than ${max} documents (<file> elements), more than one export; split it.`,
  unbalancedInline: (name: string, id: string) => `Inline tag <${name} id="${id}"> is unpaired; use the paired tags of the export.`,
  unitNotInFile: 'No such field in this document.',
  unknownDocument: 'No such document in a translated collection.',
  wrongLocaleParameter: (locales: string[]) => `Give "locale", one of: ${locales.join(', ')}.`,
  wrongTargetLanguage: (found: string, expected: string) => `The file's target language is "${found}", not "${expected}".`,
} as const
