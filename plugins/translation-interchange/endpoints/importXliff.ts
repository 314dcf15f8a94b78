import type { CollectionSlug, Endpoint, PayloadRequest, TypedLocale } from 'payload'

import { APIError, commitTransaction, Forbidden, initTransaction, killTransaction } from 'payload'

import type { InterchangeUser, ResolvedTranslationInterchangeOptions } from '../types'

import { WRITABLE_STATUSES } from '../../translation-workflow/constants'
import { recordSource } from '../../translation-workflow/utilities/sourceRecord'
import { submitFindings } from '../../translation-workflow/utilities/submitChecks'
import { ERRORS, XLIFF_ENDPOINTS } from '../constants'
import { mayExchange } from '../utilities/access'
import { fieldsOfCollection, readDocuments, readGlossary, relationId, type StoredTask } from '../utilities/documents'
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

const findTask = async (
  options: ResolvedTranslationInterchangeOptions,
  req: PayloadRequest,
  collection: string,
  documentId: string,
  locale: string,
) => {
  const { docs } = await req.payload.find({
    collection: options.tasksCollection as CollectionSlug,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
    where: { and: [{ targetCollection: { equals: collection } }, { documentId: { equals: documentId } }, { locale: { equals: locale } }] },
  })
  return (docs[0] as unknown as StoredTask | undefined) ?? null
}

/** A translator writes through an open task of their own; an editor writes any document. */
const holdsOpenTask = (user: InterchangeUser, task: null | StoredTask): boolean =>
  Boolean(task) &&
  String(relationId(task?.assignee)) === String(user.id) &&
  (WRITABLE_STATUSES as readonly string[]).includes(String(task?.status))

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
    const isEditor = options.isEditor(user)
    const glossary = await readGlossary(options, req, locale)
    const reports: UnitReport[] = []
    const writes: Array<DocumentWrite & { task: null | StoredTask }> = []
    for (const file of parsed.files) {
      const known = options.collections.includes(file.collection)
      const sources = known ? await readDocuments(req, file.collection, [file.documentId], options.sourceLocale) : new Map()
      const targets = known ? await readDocuments(req, file.collection, [file.documentId], locale) : new Map()
      const source = sources.get(file.documentId) ?? null
      const task = source ? await findTask(options, req, file.collection, file.documentId, locale) : null
      const plan = planFile(file, {
        fields: known ? fieldsOfCollection(req, file.collection) : null,
        glossary,
        notWritable: isEditor || holdsOpenTask(user, task) ? null : ERRORS.taskNotHeld,
        phoneCountry: source ? options.phoneCountryOf(source) : undefined,
        source,
        target: targets.get(file.documentId) ?? null,
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
    const keptInProgress: Array<{ document: string; message: string }> = []
    const shouldCommit = await initTransaction(req)
    try {
      const now = new Date().toISOString()
      for (const write of writes) {
        await req.payload.update({
          id: write.documentId,
          collection: write.collection as CollectionSlug,
          data: write.data as never,
          depth: 0,
          draft: true,
          locale: locale as TypedLocale,
          overrideAccess: false,
          req,
          user,
        })
        if (options.statusAfterImport === 'in-review' && write.task && holdsOpenTask(user, write.task)) {
          // As the workflow's submit would: a document the file left with an untranslated field (or
          // another submit check's error) is written, but its task stays with the translator.
          const errors = (await submitFindings(req, write.task)).filter((finding) => finding.level === 'error')
          if (errors.length > 0) {
            keptInProgress.push({ document: `${write.collection}/${write.documentId}`, message: ERRORS.notSubmitted(errors) })
            continue
          }
          const [source] = (await readDocuments(req, write.collection, [write.documentId], options.sourceLocale)).values()
          await req.payload.update({
            id: write.task.id,
            collection: options.tasksCollection as CollectionSlug,
            data: {
              ...recordSource(fieldsOfCollection(req, write.collection), source ?? {}),
              changedFields: null,
              status: 'in-review',
              submittedAt: now,
              translatedBy: user.id,
            } as never,
            depth: 0,
            // The workflow's own step, as its submit endpoint takes it: the uploader held the task.
            overrideAccess: true,
            req,
          })
        }
      }
      if (shouldCommit) {
        await commitTransaction(req)
      }
    } catch (error) {
      if (shouldCommit) {
        await killTransaction(req)
      }
      const message = error instanceof Error ? error.message : String(error)
      return Response.json({ applied: 0, message: `Nothing was imported: ${message}`, units: reports }, { status: 422 })
    }
    return Response.json({ applied: reports.filter((report) => report.status === 'applied').length, keptInProgress, units: reports })
  },
  method: 'post',
  path: XLIFF_ENDPOINTS.import,
})
