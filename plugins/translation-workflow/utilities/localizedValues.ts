import type { Block, Field } from 'payload'

import { fieldAffectsData, tabHasName } from 'payload/shared'

/**
 * The values of every localized field of a document in one locale, keyed by a path.
 *
 * A localized field is one unit, whatever its type (a localized array or rich text is one value).
 * Localized fields inside non-localized arrays, blocks, groups and named tabs are reached
 * through their container; array and block rows are addressed by their row `id` when they have
 * one (so reordering rows does not rename them), else by index: `keyActivities.<rowId>.title`.
 * Layout-only fields (rows, collapsibles, unnamed tabs) add nothing to the path.
 */
export type LocalizedValues = Record<string, unknown>

type UnknownRecord = Record<string, unknown>

const isRecord = (value: unknown): value is UnknownRecord => typeof value === 'object' && value !== null && !Array.isArray(value)

const rowKey = (row: unknown, index: number): string =>
  isRecord(row) && (typeof row.id === 'string' || typeof row.id === 'number') && row.id !== '' ? String(row.id) : String(index)

const join = (prefix: string, name: string): string => (prefix === '' ? name : `${prefix}.${name}`)

const collect = (fields: readonly Field[], data: UnknownRecord, prefix: string, out: LocalizedValues): void => {
  for (const field of fields) {
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if (tabHasName(tab)) {
          if (tab.localized) {
            out[join(prefix, tab.name)] = data[tab.name]
          } else {
            const value = data[tab.name]
            collect(tab.fields, isRecord(value) ? value : {}, join(prefix, tab.name), out)
          }
        } else {
          collect(tab.fields, data, prefix, out)
        }
      }
      continue
    }
    if (!fieldAffectsData(field)) {
      if ('fields' in field && Array.isArray(field.fields)) {
        collect(field.fields, data, prefix, out)
      }
      continue
    }
    const path = join(prefix, field.name)
    const value = data[field.name]
    if (field.localized) {
      out[path] = value
      continue
    }
    if (field.type === 'group') {
      collect(field.fields, isRecord(value) ? value : {}, path, out)
    } else if (field.type === 'array' && Array.isArray(value)) {
      value.forEach((row, index) => {
        if (isRecord(row)) {
          collect(field.fields, row, join(path, rowKey(row, index)), out)
        }
      })
    } else if (field.type === 'blocks' && Array.isArray(value)) {
      value.forEach((row, index) => {
        if (!isRecord(row)) {
          return
        }
        const block = field.blocks.find((candidate: Block) => candidate.slug === row.blockType)
        if (block) {
          collect(block.fields, row, join(path, rowKey(row, index)), out)
        }
      })
    }
  }
}

export const localizedValues = (fields: readonly Field[], data: UnknownRecord): LocalizedValues => {
  const out: LocalizedValues = {}
  collect(fields, data, '', out)
  return out
}

/** True when the collection has at least one localized field anywhere. */
export const hasLocalizedFields = (fields: readonly Field[]): boolean => {
  const check = (list: readonly Field[]): boolean =>
    list.some((field) => {
      if (field.type === 'tabs') {
        return field.tabs.some((tab) => (tabHasName(tab) && tab.localized === true) || check(tab.fields))
      }
      if (fieldAffectsData(field) && field.localized) {
        return true
      }
      if (field.type === 'blocks') {
        return field.blocks.some((block: Block) => check(block.fields))
      }
      return 'fields' in field && Array.isArray(field.fields) && check(field.fields)
    })
  return check(fields)
}
