import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'

import { APIError, Forbidden, isValidID } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'

import { holdsOpenTask, mayExchange } from '../access/exchange'
import { ERRORS, XLIFF_ENDPOINTS } from '../constants'
import { applyJournal, type ImportWrite, type KeptInProgress } from '../operations/applyImport'
import { fieldsOfCollection, isExchanged, readAsSystem, readDocuments, readGlossary, type StoredTask } from '../operations/documents'
import { type DocumentWrite, planFile, type UnitReport } from '../utilities/importPlan'
import { readUploadedText } from '../utilities/requestBody'
import { type ParsedXliff, parseXliff, XliffRefused } from '../utilities/xliff'
import { XmlRefused } from '../utilities/xml'

const parseUpload = async (options: ResolvedTranslationInterchangeOptions, req: PayloadRequest): Promise<ParsedXliff> => {
  try {
    return await parseXliff(await readUploadedText(req, options.maxFileBytes), options.maxFileBytes)
  } catch (error) {
    if (error instanceof XmlRefused) {
      throw new APIError(error.message, error.status, undefined, true)
    }
    if (error instanceof XliffRefused) {
      throw new APIError(error.message, 400, undefined, true)
    }
    throw error
  }
}

/** What the server holds for one `<file>` of an upload. */
type FileContext = { source: null | Record<string, unknown>; target: null | Record<string, unknown>; task: null | StoredTask }

/**
 * Whether a `<file>`'s document id can name a document at all, by the id type the database
 * declares: "abc" on numeric ids or a non-ObjectId on MongoDB is an unknown document, not a query
 * the database refuses (a 500).
 */
const couldBeId = (req: PayloadRequest, collection: CollectionSlug, id: string): boolean => {
  const custom = req.payload.collections[collection]?.customIDType
  if ((custom ?? req.payload.db.defaultIDType) === 'number') {
    return /^[1-9]\d{0,15}$/.test(id)
  }
  // Text ids are ObjectIds unless the collection chose its own.
  return custom === 'text' || isValidID(id, 'ObjectID')
}

/**
 * The source, target and task of every `<file>`, in three reads per collection whatever the
 * number of files: an upload of a thousand documents costs what one of ten does.
 */
const loadContexts = async (
  options: ResolvedTranslationInterchangeOptions,
  req: PayloadRequest,
  files: ParsedXliff['files'],
  locale: string,
): Promise<Map<string, FileContext>> => {
  const contexts = new Map<string, FileContext>()
  const idsByCollection = new Map<CollectionSlug, string[]>()
  for (const file of files) {
    contexts.set(`${file.collection}/${file.documentId}`, { source: null, target: null, task: null })
    if (isExchanged(options, file.collection) && couldBeId(req, file.collection, file.documentId)) {
      idsByCollection.set(file.collection, [...(idsByCollection.get(file.collection) ?? []), file.documentId])
    }
  }
  for (const [collection, ids] of idsByCollection) {
    const sources = await readDocuments(req, collection, ids, options.sourceLocale)
    const targets = await readDocuments(req, collection, ids, locale)
    // Whoever holds them: whether the uploader does is judged per file (holdsOpenTask), and a task
    // of someone else's is refused there, not left out as if the document had none.
    const tasks = await readAsSystem<StoredTask>(req, options.tasksCollection, {
      and: [{ targetCollection: { equals: collection } }, { documentId: { in: ids } }, { locale: { equals: locale } }],
    })
    const taskOf = new Map(tasks.map((task) => [String(task.documentId), task]))
    for (const id of ids) {
      const source = sources.get(id) ?? null
      contexts.set(`${collection}/${id}`, { source, target: targets.get(id) ?? null, task: source ? (taskOf.get(id) ?? null) : null })
    }
  }
  return contexts
}

/**
 * POST /api/translation-interchange/import?locale=nl with an XLIFF 1.2/2.0 file (raw body or the
 * `file` field of a form). Every unit is checked first (document, unit id, task, tags, source
 * fingerprint, QA errors); if any is refused nothing is written (422 with the report). Otherwise
 * every translated unit is written as a draft in the locale, as the uploader, in one transaction,
 * and their tasks go to review (or stay in progress, per `statusAfterImport`); a task whose
 * document still fails the workflow's submit checks (a field left untranslated) stays in progress
 * and is listed in `keptInProgress`.
 */
export const importXliffEndpoint = (options: ResolvedTranslationInterchangeOptions): Endpoint => ({
  handler: async (req) => {
    const user = req.user
    if (!user) {
      throw new Forbidden(req.t)
    }
    const locale = req.searchParams.get('locale') ?? ''
    if (!options.targetLocales.includes(locale)) {
      throw new APIError(ERRORS.wrongLocaleParameter(options.targetLocales), 400, undefined, true)
    }
    if (!mayExchange(options, user, locale)) {
      throw new APIError(ERRORS.localeNotHeld(locale), 403, undefined, true)
    }
    const parsed = await parseUpload(options, req)
    if (parsed.targetLanguage !== locale) {
      throw new APIError(ERRORS.wrongTargetLanguage(parsed.targetLanguage, locale), 400, undefined, true)
    }
    // An export holds at most this many documents; more in one upload is not a translator's file.
    if (parsed.files.length > options.maxDocumentsPerExport) {
      throw new APIError(ERRORS.tooManyFiles(options.maxDocumentsPerExport), 400, undefined, true)
    }
    const isEditor = options.isEditor(user)
    const glossary = await readGlossary(options, req, locale)
    const contexts = await loadContexts(options, req, parsed.files, locale)
    const reports: UnitReport[] = []
    const writes: Array<DocumentWrite & { task: null | StoredTask }> = []
    for (const file of parsed.files) {
      const { source, target, task } = contexts.get(`${file.collection}/${file.documentId}`) as FileContext
      const plan = planFile(file, {
        fields: isExchanged(options, file.collection) ? fieldsOfCollection(req, file.collection) : null,
        glossary,
        notWritable: isEditor || holdsOpenTask(user, task) ? null : ERRORS.taskNotHeld,
        phoneCountry: source ? options.phoneCountryOf(source) : undefined,
        source,
        target,
      })
      reports.push(...plan.reports)
      if (plan.write) {
        writes.push({ ...plan.write, task })
      }
    }
    const refused = reports.filter((report) => report.status === 'refused')
    if (refused.length > 0) {
      return Response.json(
        { applied: 0, message: `Nothing was imported: ${refused.length} unit(s) refused.`, units: reports },
        { status: 422 },
      )
    }
    // The plan in one insert before the first write: if this process dies half-way, the next start
    // finishes it (resumePendingImports), so the import is all or nothing on every database.
    const journal = {
      locale,
      uploader: { id: user.id, collection: user.collection },
      writes: writes.map(({ task, ...write }): ImportWrite => ({ ...write, taskId: task?.id ?? null })),
    }
    const { id } = await req.payload.create({
      collection: options.slugs.importJournal,
      data: { ...journal, state: 'pending' } as never,
      depth: 0,
      // The journal is the system's record, written for an upload checked above; nobody may write it.
      overrideAccess: true,
    })
    let keptInProgress: KeptInProgress
    try {
      keptInProgress = await applyJournal(options, req, { ...journal, id }, { resuming: false })
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      await req.payload.update({
        id,
        collection: options.slugs.importJournal,
        data: { failure: message, state: 'failed' } as never,
        // The system's record, as above.
        overrideAccess: true,
      })
      return Response.json({ applied: 0, message: `Nothing was imported: ${message}`, units: reports }, { status: 422 })
    }
    return Response.json({ applied: reports.filter((report) => report.status === 'applied').length, keptInProgress, units: reports })
  },
  method: 'post',
  path: XLIFF_ENDPOINTS.import,
})
