import type { Block, Field } from 'payload'

import { fieldAffectsData, tabHasName } from 'payload/shared'

import { MAX_TRANSLATION_LENGTH_KEY } from '../constants'

type NamedField = Extract<Field, { name: string }>

/** Fields that hold data at this level, with rows, collapsibles and unnamed tabs opened up. */
const dataFieldsOf = (fields: readonly Field[]): NamedField[] =>
  fields.flatMap((field): NamedField[] => {
    if (field.type === 'tabs') {
      return field.tabs.flatMap((tab) =>
        tabHasName(tab)
          ? [{ name: tab.name, type: 'group', fields: tab.fields, label: tab.label, localized: tab.localized } as NamedField]
          : dataFieldsOf(tab.fields),
      )
    }
    if (fieldAffectsData(field)) {
      return [field as NamedField]
    }
    return 'fields' in field && Array.isArray(field.fields) ? dataFieldsOf(field.fields) : []
  })

/**
 * The fields along a path of translation-workflow's `localizedValues` (`keyActivities.<rowId>.title`):
 * each name, with the row ids of arrays and blocks skipped. Empty when the path names no field.
 */
export const fieldsAlong = (fields: readonly Field[], path: string): NamedField[] => {
  const segments = path.split('.')
  const found: NamedField[] = []
  let level: readonly Field[] = fields
  for (let index = 0; index < segments.length; index += 1) {
    const field = dataFieldsOf(level).find((candidate) => candidate.name === segments[index])
    if (!field) {
      return []
    }
    found.push(field)
    if (field.type === 'array' || field.type === 'group') {
      level = field.fields
      index += field.type === 'array' ? 1 : 0
    } else if (field.type === 'blocks') {
      level = field.blocks.flatMap((block: Block) => block.fields)
      index += 1
    } else {
      level = []
    }
  }
  return found
}

const labelOf = (field: NamedField): string => ('label' in field && typeof field.label === 'string' ? field.label : field.name)

/** How a translator reads a path: "Key activities › Title". */
export const fieldLabel = (fields: readonly Field[], path: string): string => {
  const along = fieldsAlong(fields, path)
  return along.length > 0 ? along.map(labelOf).join(' › ') : path
}

/**
 * The most characters a translation of the field may have: its `maxLength`, or else its
 * `custom.maxTranslationLength` (a limit of the form the text is shown in, not of the database).
 */
export const fieldMaxLength = (fields: readonly Field[], path: string): number | undefined => {
  const field = fieldsAlong(fields, path).at(-1)
  if (field && 'maxLength' in field && typeof field.maxLength === 'number') {
    return field.maxLength
  }
  const custom = (field?.custom as Record<string, unknown> | undefined)?.[MAX_TRANSLATION_LENGTH_KEY]
  return typeof custom === 'number' ? custom : undefined
}

/** True when the field, or any container on its path, is flagged in its `custom` with this key. */
export const flaggedAlong = (fields: readonly Field[], path: string, key: string): boolean =>
  fieldsAlong(fields, path).some((field) => (field.custom as Record<string, unknown> | undefined)?.[key] === true)
