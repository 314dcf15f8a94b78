import type { PayloadRequest } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'

import { fieldLabel } from '../utilities/fields'
import { glossaryTermsIn } from '../utilities/glossary'
import { flatten, plainText } from '../utilities/inline'
import { machineSuggestions } from '../utilities/neverSend'
import { translatableValues } from '../utilities/units'
import { type ExchangedTask, fieldsOfCollection, readDocuments, readGlossary } from './documents'
import { lookupMemory } from './memoryLookup'

/**
 * For each translatable field of the task's document, the glossary terms in its source (for
 * highlighting), translation-memory matches with their score (101 same text and place, 100 same
 * text, fuzzy down to 75) and, when a provider is configured and the field may leave the server, a
 * machine translation. Everything is a suggestion marked for review; nothing is written. The
 * caller has read the task as the user.
 */
export const taskSuggestions = async (options: ResolvedTranslationInterchangeOptions, req: PayloadRequest, task: ExchangedTask) => {
  const collection = req.payload.collections[task.targetCollection].config
  const fields = fieldsOfCollection(req, task.targetCollection)
  const [source] = (await readDocuments(req, task.targetCollection, [task.documentId], options.sourceLocale)).values()
  const glossary = await readGlossary(options, req, task.locale)
  const units = Object.entries(translatableValues(fields, source ?? {})).map(([path, value]) => ({
    id: path,
    field: fieldLabel(fields, path),
    source: plainText(flatten(value).content),
  }))
  const memory = await lookupMemory(
    options,
    req,
    task.locale,
    units.map((unit) => ({ context: `${task.targetCollection}:${unit.id}`, source: unit.source })),
  )
  const machine = await machineSuggestions(options, collection, fields, units, task.locale)
  return units.map((unit, index) => ({
    ...unit,
    glossary: glossaryTermsIn(unit.source, glossary).map((match) => ({
      approvedTranslation: match.entry.approvedTranslation ?? null,
      definition: match.entry.definition ?? null,
      doNotTranslate: Boolean(match.entry.doNotTranslate),
      end: match.end,
      start: match.start,
      term: match.text,
    })),
    machineTranslation: machine.get(unit.id) ?? null,
    memory: (memory[index] ?? []).map((match) => ({
      needsReview: true,
      origin: match.entry.origin ?? null,
      score: match.score,
      source: match.entry.source,
      target: match.entry.target,
    })),
  }))
}
