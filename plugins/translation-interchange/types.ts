import type { CollectionConfig, CollectionSlug, Field, GlobalSlug, PayloadRequest } from 'payload'

import type { MachineTranslationProvider } from './utilities/machineTranslation'
import type { QaCheck, QaSeverities, QaSeverity } from './utilities/qa'

export type InterchangeUser = NonNullable<PayloadRequest['user']>

type UserPredicate = (user: InterchangeUser | null | undefined) => boolean

type LocalePredicate = (user: InterchangeUser | null | undefined, locale: string) => boolean

/**
 * Changes to one of the plugin's collections, as Payload's own plugins take them: top-level keys
 * replace the generated ones (`access` and `admin` are merged key by key), `fields` receives the
 * generated fields and returns the collection's. The slug is set in `slugs` only.
 */
export type CollectionOverride = Partial<Omit<CollectionConfig, 'fields' | 'slug'>> & {
  fields?: (args: { defaultFields: Field[] }) => Field[]
}

/** The plugin's own collections, by the key `slugs` and `overrides` name them with. */
export type InterchangeCollectionKey = 'glossary' | 'importJournal' | 'memory'

export type TranslationInterchangeAccess = {
  /** Who manages translation: imports for anyone, edits the glossary and memory. */
  isEditor: UserPredicate
  /**
   * Who reads the translation settings (`translation-settings`).
   * @default editors and translators of any target locale
   */
  isStaff?: UserPredicate
  /** Whether the user translates into a locale. */
  isTranslatorFor: LocalePredicate
}

/** What must never reach a machine-translation provider. */
export type NeverSendOptions = {
  /** Collections none of whose content is ever sent (as `custom.neverSendToMachineTranslation` on a collection). */
  collections?: string[]
  /**
   * Documents none of whose content is ever sent, decided per document (an internal report), on
   * the source document as stored.
   */
  documents?: (collection: string, document: Record<string, unknown>) => boolean
  /**
   * Fields never sent, by collection, as schema paths without row ids (`contacts.note`); a group or
   * array listed keeps everything inside it (as `custom.neverSendToMachineTranslation` on a field).
   */
  fields?: Record<string, string[]>
}

export type MachineTranslationOptions = {
  /**
   * The collections whose tasks get machine suggestions.
   * @default every collection the workflow translates
   */
  collections?: string[]
  neverSend?: NeverSendOptions
  /**
   * One provider for every target locale; `providers` takes precedence where it names one.
   * @default none
   */
  provider?: MachineTranslationProvider
  /**
   * The provider of each target locale, by locale or as a function: `null` switches a locale off
   * (DeepL does not offer every language), `undefined` leaves it to `provider`.
   * @default none
   */
  providers?: ((locale: string) => MachineTranslationProvider | null | undefined) | Partial<Record<string, MachineTranslationProvider | null>>
  /**
   * How long a translator's suggestions wait for the provider; then the machine suggestion is
   * absent, with the reason, and the memory and glossary still answer.
   * @default 8000
   */
  timeoutMs?: number
}

export type TranslationInterchangeOptions = {
  /** The project's roles, as the interchange asks for them. Required: the plugin knows no roles. */
  access: TranslationInterchangeAccess
  /**
   * Switch the endpoints and hooks off; the glossary and memory collections stay registered so that
   * the schema does not change with the switch.
   * @default true
   */
  enabled?: boolean
  /** Machine translation; off unless a provider is given. */
  machineTranslation?: MachineTranslationOptions
  /**
   * Largest XLIFF or TMX file accepted, in bytes.
   * @default 5 MiB
   */
  maxFileBytes?: number
  /**
   * XLIFF exports one server process builds at a time; further requests wait their turn. An export
   * of a thousand documents holds them all in memory and keeps a core busy for about a second,
   * so running fifty at once only multiplies the memory.
   * @default 2
   */
  maxParallelExports?: number
  /**
   * Documents in one XLIFF file. A larger export comes in parts (`page=1…n`, each response saying how
   * many there are), so no request holds a whole locale in memory and every part stays under
   * `maxFileBytes` for its way back in: a thousand documents of this programme make about 1.7 MB.
   * @default 1000
   */
  maxDocumentsPerExport?: number
  /**
   * Changes to the plugin's collections; see {@link CollectionOverride}.
   * @default none: the generated collections unchanged
   */
  overrides?: { glossary?: CollectionOverride; importJournal?: CollectionOverride; memory?: CollectionOverride }
  /**
   * The country phone numbers written nationally are read in, for the phone-number check.
   * @default the document's `country` field when it is a two-letter code
   */
  phoneCountryOf?: (document: Record<string, unknown>) => string | undefined
  /**
   * The QA checks' severities (utilities/qa.ts `QA_CHECKS`): `error` refuses a submit and an import,
   * `warning` is shown, `off` does not run. Editors change them at runtime in the
   * `translation-settings` global, whose fields start from these.
   * @default each check's own, in `QA_CHECKS`
   */
  qa?: { severities?: Partial<Record<QaCheck, QaSeverity>> }
  /** Slugs of the plugin's own collections and global. */
  slugs?: {
    /** @default 'glossary-terms' */
    glossary?: string
    /**
     * The journal of accepted XLIFF imports (collections/ImportJournal.ts).
     * @default 'xliff-imports'
     */
    importJournal?: string
    /** @default 'translation-memory' */
    memory?: string
    /**
     * The global of runtime settings editors change (globals/TranslationSettings.ts).
     * @default 'translation-settings'
     */
    settings?: string
  }
  /**
   * What an import does to the uploader's task: submit it for review, or leave it in progress.
   * @default 'in-review'
   */
  statusAfterImport?: 'in-progress' | 'in-review'
}

/**
 * The options with every default filled in and every slug typed once; what the plugin's parts read.
 * The translated collections, the locales and the tasks slug come from the workflow's contract.
 */
export type ResolvedTranslationInterchangeOptions = {
  access: Required<TranslationInterchangeAccess>
  collections: CollectionSlug[]
  enabled: boolean
  machineTranslation: {
    collections: CollectionSlug[]
    neverSend: Required<NeverSendOptions>
    /** The provider of a target locale, if it has one. */
    providerFor: (locale: string) => MachineTranslationProvider | undefined
    timeoutMs: number
  }
  maxDocumentsPerExport: number
  maxFileBytes: number
  maxParallelExports: number
  overrides: Partial<Record<InterchangeCollectionKey, CollectionOverride>>
  phoneCountryOf: (document: Record<string, unknown>) => string | undefined
  qa: { severities: QaSeverities }
  slugs: Record<InterchangeCollectionKey, CollectionSlug> & { settings: GlobalSlug }
  sourceLocale: string
  statusAfterImport: 'in-progress' | 'in-review'
  targetLocales: string[]
  tasksCollection: CollectionSlug
}
