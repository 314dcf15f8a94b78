import type { Block, Field } from 'payload'

import { fieldAffectsData, tabHasName } from 'payload/shared'

import { normaliseForFingerprint } from './fingerprint'

/**
 * Paths of the values a write would change that are not localized — shared by every locale, so
 * not a translator's to change. `data` is what the caller sent (any subset of fields); `current`
 * the document as stored. Values are compared as fingerprints compare them (a populated
 * relationship equals its id; null, '' and an empty list are all "empty"), so a form sending back
 * unchanged values changes nothing. Rows of a non-localized array or blocks field are shared too:
 * adding, removing or reordering them is a change of the field itself.
 */

type UnknownRecord = Record<string, unknown>

const isRecord = (value: unknown): value is UnknownRecord => typeof value === 'object' && value !== null && !Array.isArray(value)

const join = (prefix: string, name: string): string => (prefix === '' ? name : `${prefix}.${name}`)

/** A populated relationship or upload (a whole document) stands for its id, as a form may send either. */
const referencesAsIds = (value: unknown): unknown => {
  if (Array.isArray(value)) {
    return value.map(referencesAsIds)
  }
  if (isRecord(value)) {
    if ((typeof value.id === 'number' || typeof value.id === 'string') && ('createdAt' in value || 'updatedAt' in value)) {
      return value.id
    }
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, referencesAsIds(item)]))
  }
  return value
}

const comparable = (value: unknown): string => {
  const normalised = normaliseForFingerprint(referencesAsIds(value))
  return JSON.stringify(Array.isArray(normalised) && normalised.length === 0 ? null : normalised)
}

const rowIds = (value: unknown): string[] => (Array.isArray(value) ? value.map((row) => (isRecord(row) ? String(row.id ?? '') : '')) : [])

const collect = (fields: readonly Field[], data: UnknownRecord, current: UnknownRecord, prefix: string, out: string[]): void => {
  for (const field of fields) {
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if (!tabHasName(tab)) {
          collect(tab.fields, data, current, prefix, out)
        } else if (!tab.localized && tab.name in data) {
          const value = data[tab.name]
          collect(
            tab.fields,
            isRecord(value) ? value : {},
            isRecord(current[tab.name]) ? (current[tab.name] as UnknownRecord) : {},
            join(prefix, tab.name),
            out,
          )
        }
      }
      continue
    }
    if (!fieldAffectsData(field)) {
      if ('fields' in field && Array.isArray(field.fields)) {
        collect(field.fields, data, current, prefix, out)
      }
      continue
    }
    if (field.localized || !(field.name in data) || ('virtual' in field && field.virtual)) {
      continue
    }
    const path = join(prefix, field.name)
    const value = data[field.name]
    const stored = current[field.name]
    if (field.type === 'group') {
      collect(field.fields, isRecord(value) ? value : {}, isRecord(stored) ? stored : {}, path, out)
    } else if (field.type === 'array' || field.type === 'blocks') {
      if (value === undefined) {
        continue
      }
      if (comparable(rowIds(value)) !== comparable(rowIds(stored))) {
        out.push(path)
        continue
      }
      const storedRows = Array.isArray(stored) ? stored : []
      ;(Array.isArray(value) ? value : []).forEach((row, index) => {
        const storedRow = storedRows[index]
        if (!isRecord(row) || !isRecord(storedRow)) {
          return
        }
        const rowFields =
          field.type === 'array' ? field.fields : (field.blocks.find((block: Block) => block.slug === storedRow.blockType)?.fields ?? [])
        if (field.type === 'blocks' && row.blockType !== undefined && row.blockType !== storedRow.blockType) {
          out.push(join(path, String(storedRow.id ?? index)))
          return
        }
        collect(rowFields, row, storedRow, join(path, String(storedRow.id ?? index)), out)
      })
    } else if (comparable(value) !== comparable(stored)) {
      out.push(path)
    }
  }
}

export const nonLocalizedChanges = (fields: readonly Field[], data: UnknownRecord, current: UnknownRecord): string[] => {
  const out: string[] = []
  collect(fields, data, current, '', out)
  return out
}
