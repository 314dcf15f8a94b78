import type { CollectionSlug, PayloadRequest } from 'payload'

import { isValidID } from 'payload'

import type { InterchangeUser, ResolvedTranslationInterchangeOptions } from '../types'
import type { ParsedXliff } from '../utilities/xliff'

import { holdsOpenTask } from '../access/exchange'
import { ERRORS } from '../constants'
import { type DocumentWrite, planFile, type UnitReport } from '../utilities/importPlan'
import { applyJournal, type ImportWrite, type KeptInProgress } from './applyImport'
import { fieldsOfCollection, isExchanged, readAsSystem, readDocuments, readGlossary, type StoredTask } from './documents'
import { qaSeveritiesOf } from './taskQa'

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

/** What an uploaded file comes to: every unit's report, and the writes it asks for. */
export type ImportPlan = { refused: number; reports: UnitReport[]; writes: Array<DocumentWrite & { task: null | StoredTask }> }

/**
 * Checks every unit of the file against the documents as they are now (document, unit id, task,
 * tags, source fingerprint, QA errors) and prepares the writes; writes nothing. An editor writes
 * any document, a translator those whose task they hold open.
 */
export const planImport = async (
  options: ResolvedTranslationInterchangeOptions,
  req: PayloadRequest,
  user: InterchangeUser,
  parsed: ParsedXliff,
  locale: string,
): Promise<ImportPlan> => {
  const isEditor = options.access.isEditor(user)
  const glossary = await readGlossary(options, req, locale)
  const qa = { locale, severities: await qaSeveritiesOf(options, req) }
  const contexts = await loadContexts(options, req, parsed.files, locale)
  const reports: UnitReport[] = []
  const writes: ImportPlan['writes'] = []
  for (const file of parsed.files) {
    const { source, target, task } = contexts.get(`${file.collection}/${file.documentId}`) as FileContext
    const plan = planFile(file, {
      fields: isExchanged(options, file.collection) ? fieldsOfCollection(req, file.collection) : null,
      glossary,
      notWritable: isEditor || holdsOpenTask(user, task) ? null : ERRORS.taskNotHeld,
      phoneCountry: source ? options.phoneCountryOf(source) : undefined,
      qa,
      source,
      target,
    })
    reports.push(...plan.reports)
    if (plan.write) {
      writes.push({ ...plan.write, task })
    }
  }
  return { refused: reports.filter((report) => report.status === 'refused').length, reports, writes }
}

/**
 * Makes a plan's writes as the uploader, in the locale, and sends their tasks on
 * (`statusAfterImport`): the plan goes into the journal in one insert before the first write, so
 * that if this process dies half-way the next start finishes it (resumePendingImports) and the
 * import is all or nothing on every database. A failure marks the journal failed and is returned.
 */
export const writeImport = async (
  options: ResolvedTranslationInterchangeOptions,
  req: PayloadRequest,
  user: InterchangeUser,
  locale: string,
  writes: ImportPlan['writes'],
): Promise<{ failure: string } | { keptInProgress: KeptInProgress }> => {
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
  try {
    return { keptInProgress: await applyJournal(options, req, { ...journal, id }, { resuming: false }) }
  } catch (error) {
    const failure = error instanceof Error ? error.message : String(error)
    await req.payload.update({
      id,
      collection: options.slugs.importJournal,
      data: { failure, state: 'failed' } as never,
      // The system's record, as above.
      overrideAccess: true,
    })
    return { failure }
  }
}
