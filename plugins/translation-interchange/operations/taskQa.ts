import type { PayloadRequest } from 'payload'

import type { SubmitCheck } from '../../translation-workflow'
import type { ResolvedTranslationInterchangeOptions } from '../types'
import type { ExchangedTask } from './documents'

import { isRichText, localizedValues } from '../../translation-workflow'
import { fieldLabel, fieldMaxLength } from '../utilities/fields'
import { flatten, linkTargetsOf, plainText, tagMismatch } from '../utilities/inline'
import { checkTranslation, QA_CHECK_NAMES, QA_SEVERITIES, type QaFinding, type QaSeverities } from '../utilities/qa'
import { translatableValues } from '../utilities/units'
import { fieldsOfCollection, isExchangedTask, readDocuments, readGlossary } from './documents'

/** A QA finding of a task's translation, with the unit (field path) it is about. */
export type TaskFinding = QaFinding & { unit: string }

// One read of the settings per request: a submit, an import (which checks many documents and
// then asks the submit checks of each task) and a QA report each see one set of severities.
const severitiesByRequest = new WeakMap<PayloadRequest, Promise<QaSeverities>>()

const readSeverities = async (options: ResolvedTranslationInterchangeOptions, req: PayloadRequest): Promise<QaSeverities> => {
  // Read as the system: the severities are the programme's rule for every translation, so a
  // translator's submit is judged by them whoever the reader is, and a reader who may not see the
  // settings must not get weaker checks (or a refusal) for it.
  const stored = (await req.payload.findGlobal({ slug: options.slugs.settings, depth: 0, overrideAccess: true, req })) as {
    qa?: null | Record<string, unknown>
  }
  const chosen = QA_CHECK_NAMES.flatMap((check) => {
    const severity = stored.qa?.[check]
    // A check added after the settings were last saved has no stored value: its option applies.
    return (QA_SEVERITIES as readonly unknown[]).includes(severity) ? [[check, severity]] : []
  })
  return { ...options.qa.severities, ...Object.fromEntries(chosen) }
}

/** The QA checks' severities as editors set them in the settings global, over the plugin's options. */
export const qaSeveritiesOf = (options: ResolvedTranslationInterchangeOptions, req: PayloadRequest): Promise<QaSeverities> => {
  const known = severitiesByRequest.get(req)
  if (known) {
    return known
  }
  const reading = readSeverities(options, req)
  severitiesByRequest.set(req, reading)
  // A failed read is not remembered: the request's next check tries again rather than failing too.
  reading.catch(() => severitiesByRequest.delete(req))
  return reading
}

/**
 * The QA findings of a task's translation as it is saved now: every translatable field of the
 * source against the same field in the task's locale (an untranslated one is an error), with the
 * locale's glossary and the severities of the settings. The caller has read the task as the user.
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
  const severities = await qaSeveritiesOf(options, req)
  const translated = target ? localizedValues(fields, target) : {}
  return Object.entries(translatableValues(fields, source ?? {})).flatMap(([path, value]) => {
    const flat = flatten(value)
    const current = flatten(translated[path])
    const richText = isRichText(value)
    return checkTranslation(
      {
        field: fieldLabel(fields, path),
        glossary,
        inlineTagProblem: current.content.length > 0 ? tagMismatch(flat, current.content) : null,
        // Saved rich text carries its own link nodes, which a translator can point elsewhere.
        links: richText ? { source: linkTargetsOf(flat), target: linkTargetsOf(current) } : undefined,
        locale: task.locale,
        maxLength: fieldMaxLength(fields, path),
        phoneCountry: source ? options.phoneCountryOf(source) : undefined,
        richText,
        source: plainText(flat.content),
        target: plainText(current.content),
      },
      severities,
    ).map((finding) => ({ ...finding, unit: path }))
  })
}

/**
 * The workflow's submit check this plugin registers: the QA of the task's translation as saved,
 * so that a submit with an untranslated field, a changed phone number or a forbidden term is refused
 * (errors, as the settings grade them), while warnings only show. Tasks of collections this plugin
 * does not exchange pass.
 */
export const qaSubmitCheck =
  (options: ResolvedTranslationInterchangeOptions): SubmitCheck =>
  async ({ req, task }) =>
    isExchangedTask(options, task) ? taskFindings(options, req, task) : []
