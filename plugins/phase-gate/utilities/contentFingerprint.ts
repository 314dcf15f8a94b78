import type { Field } from 'payload'

import { createHash } from 'node:crypto'

import { canonicalJson } from './hashChain'

type Data = Record<string, unknown>

const isPlainObject = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)

/** A relationship or upload as its id: populated or not, the same document is the same content. */
const relationValue = (value: unknown): unknown => {
  if (Array.isArray(value)) {
    return value.map(relationValue)
  }
  if (isPlainObject(value)) {
    if ('relationTo' in value) {
      return { relationTo: value.relationTo, value: relationValue(value.value) }
    }
    return 'id' in value ? String(value.id) : value
  }
  return value === undefined || value === null ? null : String(value)
}

/** Empty is empty: a missing value, `null`, `''` and `[]` all mean nothing was written. */
const normalise = (value: unknown): unknown =>
  value === undefined || value === '' || (Array.isArray(value) && value.length === 0) ? null : value

/** Fields Payload adds to every versioned collection: bookkeeping, not content. */
const BOOKKEEPING = new Set(['_status', 'createdAt', 'deletedAt', 'updatedAt'])

const contentOfFields = (fields: Field[], data: Data | undefined): Data => {
  const content: Data = {}
  for (const field of fields) {
    if (('virtual' in field && field.virtual) || ('name' in field && BOOKKEEPING.has(field.name))) {
      continue
    }
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        Object.assign(
          content,
          'name' in tab && tab.name
            ? { [tab.name]: contentOfFields(tab.fields, data?.[tab.name] as Data) }
            : contentOfFields(tab.fields, data),
        )
      }
      continue
    }
    if (!('name' in field) || !field.name) {
      // Rows, collapsibles and unnamed groups hold their fields at this level.
      if ('fields' in field) {
        Object.assign(content, contentOfFields(field.fields, data))
      }
      continue
    }
    if (field.type === 'ui' || field.type === 'join') {
      continue
    }
    const value = data?.[field.name]
    switch (field.type) {
      case 'group':
        content[field.name] = contentOfFields(field.fields, value as Data)
        break
      case 'array':
        content[field.name] = normalise(
          Array.isArray(value) ? value.map((row: Data) => ({ id: row?.id ?? null, ...contentOfFields(field.fields, row) })) : value,
        )
        break
      case 'blocks':
        content[field.name] = normalise(
          Array.isArray(value)
            ? value.map((row: Data) => {
                const block = field.blocks.find(({ slug }) => slug === row?.blockType)
                return { id: row?.id ?? null, blockType: row?.blockType, ...(block ? contentOfFields(block.fields, row) : {}) }
              })
            : value,
        )
        break
      case 'relationship':
      case 'upload':
        content[field.name] = normalise(relationValue(value))
        break
      case 'date':
        content[field.name] = value ? new Date(value as string).toISOString() : null
        break
      default:
        content[field.name] = normalise(value)
    }
  }
  return content
}

/**
 * A hash of what a document says in one locale, read with `depth: 0` and without fallback. Only
 * stored content counts: ids, timestamps, the publication status and virtual fields do not, so the
 * same text yields the same fingerprint in the snapshot of a round and when it is published.
 */
export const contentFingerprint = (fields: Field[], doc: Data): string =>
  createHash('sha256')
    .update(canonicalJson(contentOfFields(fields, doc)))
    .digest('hex')

/**
 * What a document will hold after an update: the incoming values over the stored ones, groups
 * merged field by field and arrays replaced, as Payload itself merges an update.
 */
export const mergeUpdate = (stored: Data, incoming: Data): Data => {
  const merged: Data = { ...stored }
  for (const [key, value] of Object.entries(incoming)) {
    if (value === undefined) {
      continue
    }
    merged[key] = isPlainObject(value) && isPlainObject(stored[key]) && !('id' in value) ? mergeUpdate(stored[key] as Data, value) : value
  }
  return merged
}
