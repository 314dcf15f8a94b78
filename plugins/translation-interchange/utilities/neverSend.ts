import type { CollectionConfig, CollectionSlug, Field } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'
import type { GlossaryEntry } from './glossary'

import { NEVER_SEND_KEY } from '../constants'
import { fieldsAlong, flaggedAlong } from './fields'
import { reasonOf, translateWithin } from './machineTranslation'

/**
 * Whether a field's content may be sent to a machine-translation provider: not when the collection
 * or the field (or a container on its path) is flagged never-send, in the options or in `custom`
 * (`custom: { neverSendToMachineTranslation: true }`).
 */
export const maySendToMachineTranslation = (
  options: ResolvedTranslationInterchangeOptions,
  collection: Pick<CollectionConfig, 'custom' | 'slug'>,
  fields: readonly Field[],
  path: string,
): boolean => {
  const { neverSend } = options.machineTranslation
  if (
    neverSend.collections.includes(collection.slug) ||
    (collection.custom as Record<string, unknown> | undefined)?.[NEVER_SEND_KEY] === true
  ) {
    return false
  }
  // Listed by schema path, without row ids: `alternativeNumbers.label`; a listed container covers
  // what is inside it, so a field added to it later is kept in too.
  const schemaPath = fieldsAlong(fields, path).map((field) => field.name)
  const listed = neverSend.fields[collection.slug] ?? []
  if (schemaPath.some((_, depth) => listed.includes(schemaPath.slice(0, depth + 1).join('.')))) {
    return false
  }
  return !flaggedAlong(fields, path, NEVER_SEND_KEY)
}

export type MachineSuggestion = { needsReview: true; provider: string; text: string }

/** Why a unit that would have been sent has no machine suggestion: the provider's name and a short reason. */
export type MachineProblem = { provider: string; reason: string }

/** A unit's machine part: a suggestion, or the reason there is none. */
export type MachineOutcome = { problem: MachineProblem } | { suggestion: MachineSuggestion }

/**
 * Machine translations of the units that may leave the server, by unit id, in one call to the
 * target locale's provider; none when the locale or collection has no machine translation or the
 * document is never-send. Each is a suggestion needing review. A provider's failure (or its time-out)
 * becomes the reason on every unit sent, so that the rest of the translator's help still answers.
 */
export const machineSuggestions = async (
  options: ResolvedTranslationInterchangeOptions,
  collection: Pick<CollectionConfig, 'custom' | 'slug'>,
  fields: readonly Field[],
  units: Array<{ id: string; source: string }>,
  to: string,
  { document, glossary }: { document: Record<string, unknown>; glossary: readonly GlossaryEntry[] },
): Promise<Map<string, MachineOutcome>> => {
  const { collections, neverSend, providerFor, timeoutMs } = options.machineTranslation
  const provider = providerFor(to)
  if (!provider || !collections.includes(collection.slug as CollectionSlug) || neverSend.documents(collection.slug, document)) {
    return new Map()
  }
  const sendable = units.filter((unit) => unit.source.trim() !== '' && maySendToMachineTranslation(options, collection, fields, unit.id))
  if (sendable.length === 0) {
    return new Map()
  }
  const terms = glossary.map((entry) => ({
    doNotTranslate: Boolean(entry.doNotTranslate),
    term: entry.term,
    translation: entry.approvedTranslation ?? null,
  }))
  const outcomes = await translateWithin(
    provider,
    sendable.map((unit) => unit.source),
    options.sourceLocale,
    to,
    { glossary: terms, timeoutMs },
  ).then(
    (translated) => translated.map((text): MachineOutcome => ({ suggestion: { needsReview: true, provider: provider.name, text } })),
    (error: unknown) => sendable.map((): MachineOutcome => ({ problem: { provider: provider.name, reason: reasonOf(error) } })),
  )
  return new Map(sendable.map((unit, index) => [unit.id, outcomes[index]!]))
}
