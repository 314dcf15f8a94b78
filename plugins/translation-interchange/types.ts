import type { CollectionConfig, PayloadRequest } from 'payload'

import type { MachineTranslationProvider } from './utilities/machineTranslation'

export type InterchangeUser = NonNullable<PayloadRequest['user']>

export type TranslationInterchangeOptions = {
  /**
   * Switch the endpoints and hooks off; the glossary and memory collections stay registered so that
   * the schema does not change with the switch.
   * @default true
   */
  enabled?: boolean
  /** The glossary collection. */
  glossary?: {
    /** @default the generated collection unchanged */
    overrides?: (collection: CollectionConfig) => CollectionConfig
    /** @default 'glossary-terms' */
    slug?: string
  }
  /** Who manages translation: imports for anyone, edits the glossary and memory. */
  isEditor: (user: InterchangeUser | null | undefined) => boolean
  /** Whether the user translates into a locale. */
  isTranslatorFor: (user: InterchangeUser | null | undefined, locale: string) => boolean
  /** Machine translation; off unless a provider is given. */
  machineTranslation?: {
    /** Content of these collections, and of these fields, never reaches the provider (as `custom.neverSendToMachineTranslation` on a collection or field). */
    neverSend?: { collections?: string[]; fields?: Record<string, string[]> }
    /** @default none */
    provider?: MachineTranslationProvider
  }
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
  /** The translation memory collection. */
  memory?: {
    /** @default the generated collection unchanged */
    overrides?: (collection: CollectionConfig) => CollectionConfig
    /** @default 'translation-memory' */
    slug?: string
  }
  /**
   * The country phone numbers written nationally are read in, for the phone-number check.
   * @default the document's `country` field when it is a two-letter code
   */
  phoneCountryOf?: (document: Record<string, unknown>) => string | undefined
  /**
   * What an import does to the uploader's task: submit it for review, or leave it in progress.
   * @default 'in-review'
   */
  statusAfterImport?: 'in-progress' | 'in-review'
}

/** Options with every default filled in; the collections, locales and tasks slug come from the workflow's contract. */
export type ResolvedTranslationInterchangeOptions = Required<
  Pick<
    TranslationInterchangeOptions,
    | 'isEditor'
    | 'isTranslatorFor'
    | 'maxDocumentsPerExport'
    | 'maxFileBytes'
    | 'maxParallelExports'
    | 'phoneCountryOf'
  >
> & {
  collections: string[]
  enabled: boolean
  glossary: { overrides?: (collection: CollectionConfig) => CollectionConfig; slug: string }
  machineTranslation: { neverSend: { collections: string[]; fields: Record<string, string[]> }; provider?: MachineTranslationProvider }
  memory: { overrides?: (collection: CollectionConfig) => CollectionConfig; slug: string }
  sourceLocale: string
  statusAfterImport: 'in-progress' | 'in-review'
  targetLocales: string[]
  tasksCollection: string
}
