import type { Field, PayloadRequest } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'
import type { PreTranslatedField, StoredPreTranslation } from './preTranslate'

import { PRE_TRANSLATION_FIELD } from '../constants'
import { fieldLabel, fieldsAlong } from '../utilities/fields'
import { glossaryTermsIn } from '../utilities/glossary'
import { flatten, plainText } from '../utilities/inline'
import { machineSuggestions } from '../utilities/neverSend'
import { translatableValues } from '../utilities/units'
import { type ExchangedTask, fieldsOfCollection, readDocuments, readGlossary } from './documents'
import { lookupMemory } from './memoryLookup'

/**
 * Whether the reader may read the field at a unit's path: every field along it with read access of
 * its own must allow them. The document is read as the system, so a staff-only field would
 * otherwise reach a reader (and a provider) through the suggestions.
 */
export const mayReadField = async (req: PayloadRequest, fields: readonly Field[], path: string, doc: Record<string, unknown>) => {
  for (const field of fieldsAlong(fields, path)) {
    const read = 'access' in field ? field.access?.read : undefined
    if (read && !(await read({ id: doc.id as number | string, data: doc, doc, req }))) {
      return false
    }
  }
  return true
}

/**
 * For each translatable field of the task's document the reader may read, the glossary terms in its
 * source (for highlighting), translation-memory matches with their score (101 same text and place,
 * 100 same text, fuzzy down to 75) and, when the locale and collection have a provider and the
 * field may leave the server, a machine translation or the reason it is missing, and whether a
 * pre-translation filled it (operations/preTranslate.ts). Everything is a suggestion marked for
 * review; nothing is written. The caller has read the task as the user.
 */
export const taskSuggestions = async (options: ResolvedTranslationInterchangeOptions, req: PayloadRequest, task: ExchangedTask) => {
  const collection = req.payload.collections[task.targetCollection].config
  const fields = fieldsOfCollection(req, task.targetCollection)
  const [source = {}] = (await readDocuments(req, task.targetCollection, [task.documentId], options.sourceLocale)).values()
  const glossary = await readGlossary(options, req, task.locale)
  const readable = await Promise.all(
    Object.entries(translatableValues(fields, source)).map(async ([path, value]) =>
      (await mayReadField(req, fields, path, source)) ? [{ id: path, field: fieldLabel(fields, path), source: plainText(flatten(value).content) }] : [],
    ),
  )
  const units = readable.flat()
  // The provider is waited for beside the memory, not after it: it makes no database reads.
  const [memory, machine] = await Promise.all([
    lookupMemory(
      options,
      req,
      task.locale,
      units.map((unit) => ({ context: `${task.targetCollection}:${unit.id}`, source: unit.source })),
    ),
    machineSuggestions(options, collection, fields, units, task.locale, { document: source, glossary }),
  ])
  const problem = [...machine.values()].find((outcome) => 'problem' in outcome)
  if (problem && 'problem' in problem) {
    // The reason and where, never the text: the log must not carry what was to be translated.
    req.payload.logger.warn(
      { collection: task.targetCollection, locale: task.locale, provider: problem.problem.provider, reason: problem.problem.reason, task: task.id },
      'Machine translation failed; the suggestions went out without it',
    )
  }
  // What a pre-translation filled and nobody has reviewed yet, so the translate view can say so.
  const stored = (task as Record<string, unknown>)[PRE_TRANSLATION_FIELD] as null | StoredPreTranslation | undefined
  const preTranslated = new Map<string, PreTranslatedField>((stored?.fields ?? []).map((filled) => [filled.field, filled]))
  return units.map((unit, index) => {
    const outcome = machine.get(unit.id)
    return {
      ...unit,
      glossary: glossaryTermsIn(unit.source, glossary).map((match) => ({
        approvedTranslation: match.entry.approvedTranslation ?? null,
        definition: match.entry.definition ?? null,
        doNotTranslate: Boolean(match.entry.doNotTranslate),
        end: match.end,
        start: match.start,
        term: match.text,
      })),
      machineTranslation: outcome && 'suggestion' in outcome ? outcome.suggestion : null,
      machineTranslationProblem: outcome && 'problem' in outcome ? outcome.problem : null,
      memory: (memory[index] ?? []).map((match) => ({
        needsReview: true,
        origin: match.entry.origin ?? null,
        score: match.score,
        source: match.entry.source,
        target: match.entry.target,
      })),
      preTranslated: preTranslated.get(unit.id) ?? null,
    }
  })
}
