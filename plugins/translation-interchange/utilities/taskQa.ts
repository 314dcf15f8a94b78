import type { PayloadRequest } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'
import type { StoredTask } from './documents'

import { localizedValues } from '../../translation-workflow'
import { fieldsOfCollection, readDocuments, readGlossary } from './documents'
import { fieldLabel } from './fields'
import { flatten, plainText, tagMismatch } from './inline'
import { checkTranslation, type QaFinding } from './qa'
import { translatableValues } from './units'

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
  task: Pick<StoredTask, 'documentId' | 'locale' | 'targetCollection'>,
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
      phoneCountry: source ? (options.phoneCountryOf(source) as never) : undefined,
      source: plainText(flat.content),
      target: plainText(current),
    }).map((finding) => ({ ...finding, unit: path }))
  })
}
