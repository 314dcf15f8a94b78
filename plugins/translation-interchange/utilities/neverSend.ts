import type { CollectionConfig, Field } from 'payload'

import type { ResolvedTranslationInterchangeOptions } from '../types'

import { NEVER_SEND_KEY } from '../constants'
import { fieldsAlong, flaggedAlong } from './fields'

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
  // Listed by schema path, without row ids: `alternativeNumbers.label`.
  const schemaPath = fieldsAlong(fields, path)
    .map((field) => field.name)
    .join('.')
  if ((neverSend.fields[collection.slug] ?? []).includes(schemaPath)) {
    return false
  }
  return !flaggedAlong(fields, path, NEVER_SEND_KEY)
}

/**
 * Machine translations of the units that may leave the server, by unit id, in one call to the
 * provider; none when no provider is configured. Each is a suggestion needing review.
 */
export const machineSuggestions = async (
  options: ResolvedTranslationInterchangeOptions,
  collection: Pick<CollectionConfig, 'custom' | 'slug'>,
  fields: readonly Field[],
  units: Array<{ id: string; source: string }>,
  to: string,
): Promise<Map<string, { needsReview: true; provider: string; text: string }>> => {
  const provider = options.machineTranslation.provider
  const sendable = provider
    ? units.filter((unit) => unit.source.trim() !== '' && maySendToMachineTranslation(options, collection, fields, unit.id))
    : []
  if (!provider || sendable.length === 0) {
    return new Map()
  }
  const translated = await provider.translate(
    sendable.map((unit) => unit.source),
    options.sourceLocale,
    to,
  )
  return new Map(
    sendable.map((unit, index) => [unit.id, { needsReview: true as const, provider: provider.name, text: translated[index] ?? '' }]),
  )
}
