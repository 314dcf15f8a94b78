import type { PayloadRequest } from 'payload'

import type { SubmitCheck } from '../../translation-workflow'
import type { ResolvedTranslationInterchangeOptions } from '../types'
import type { ExchangedTask } from './documents'

import { localizedValues } from '../../translation-workflow'
import { fieldLabel } from '../utilities/fields'
import { flatten, plainText, tagMismatch } from '../utilities/inline'
import { checkTranslation, type QaFinding } from '../utilities/qa'
import { translatableValues } from '../utilities/units'
import { fieldsOfCollection, isExchangedTask, readDocuments, readGlossary } from './documents'

/** A QA finding of a task's translation, with the unit (field path) it is about. */
export type TaskFinding = QaFinding & { unit: string }

/**
 * The QA findings of a task's translation as it is saved now: every translatable field of the
 * source against the same field in the task's locale (an untranslated one is an error), with the
 * locale's glossary. The caller has read the task as the user.
 */
export const taskFindings = async (
  options: ResolvedTranslationInterchangeOptions,
  req: PayloadRequest,
  task: Pick<ExchangedTask, 'documentId' | 'locale' | 'targetCollection'>,
): Promise<TaskFinding[]> => {
  const fields = fieldsOfCollection(req, task.targetCollection)
  const [source] = (await readDocuments(req, task.targetCollection, [task.documentId], options.sourceLocale)).values()
  const [target] = (await readDocuments(req, task.targetCollection, [task.documentId], task.locale)).values()
  const glossary = await readGlossary(options, req, task.locale)
  const translated = target ? localizedValues(fields, target) : {}
  return Object.entries(translatableValues(fields, source ?? {})).flatMap(([path, value]) => {
    const flat = flatten(value)
    const current = flatten(translated[path]).content
    return checkTranslation({
      field: fieldLabel(fields, path),
      glossary,
      inlineTagProblem: current.length > 0 ? tagMismatch(flat, current) : null,
      phoneCountry: source ? options.phoneCountryOf(source) : undefined,
      source: plainText(flat.content),
      target: plainText(current),
    }).map((finding) => ({ ...finding, unit: path }))
  })
}

/**
 * The workflow's submit check this plugin registers: the QA of the task's translation as saved,
 * so that a submit with an untranslated field, a changed phone number or a forbidden term is refused
 * (errors), while warnings only show. Tasks of collections this plugin does not exchange pass.
 */
export const qaSubmitCheck =
  (options: ResolvedTranslationInterchangeOptions): SubmitCheck =>
  async ({ req, task }) =>
    isExchangedTask(options, task) ? taskFindings(options, req, task) : []
