import type { Block, Field } from 'payload'

import { fieldAffectsData, tabHasName } from 'payload/shared'

import { isRichText, richTextToText } from '../../../shared/utilities/richText'

type UnknownRecord = Record<string, unknown>

export type Path = Array<number | string>

/** One thing a translator fills in: a text value, or one text node of a rich text. */
export type Entry = {
  /** The field's key as the outdated diff names it (see utilities/localizedValues.ts). */
  diffKey: string
  kind: 'richText' | 'text' | 'textarea' | 'unsupported'
  label: string
  /** Where the value lives in the target document. */
  path: Path
  /** For rich text, one editable text node per row; the source is shown once, as text. */
  richTextNodes?: Array<{ label: string; path: Path }>
  source: string
}

const isRecord = (value: unknown): value is UnknownRecord => typeof value === 'object' && value !== null && !Array.isArray(value)

const labelOf = (field: { label?: unknown; name: string }) => (typeof field.label === 'string' ? field.label : field.name)

const rowKey = (row: unknown, index: number): string =>
  isRecord(row) && (typeof row.id === 'string' || typeof row.id === 'number') && row.id !== '' ? String(row.id) : String(index)

const join = (prefix: string, name: string) => (prefix === '' ? name : `${prefix}.${name}`)

/** A copy of the source for a container with no translation yet, without row ids (rows are per locale). */
const withoutIds = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(withoutIds)
    : isRecord(value)
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([key]) => key !== 'id')
            .map(([key, item]) => [key, withoutIds(item)]),
        )
      : value

/** The paths of the text nodes of a Lexical state, in reading order. */
const textNodePaths = (node: unknown, path: Path, out: Path[]) => {
  if (!isRecord(node)) {
    return
  }
  if (typeof node.text === 'string') {
    out.push([...path, 'text'])
  }
  if (Array.isArray(node.children)) {
    node.children.forEach((child, index) => textNodePaths(child, [...path, 'children', index], out))
  }
}

type Walk = {
  diffKey: string
  entries: Entry[]
  label: string
  localized: boolean
  path: Path
  source: UnknownRecord
  target: UnknownRecord
}

const leaf = (field: Field & { name: string }, walk: Walk) => {
  const sourceValue = walk.source[field.name]
  const diffKey = walk.diffKey
  const label = walk.label
  const path = walk.path
  if (field.type === 'richText') {
    if (!isRichText(walk.target[field.name]) && isRichText(sourceValue)) {
      walk.target[field.name] = structuredClone(sourceValue)
    }
    const paths: Path[] = []
    const target = walk.target[field.name]
    if (isRichText(target)) {
      textNodePaths(target.root, ['root'], paths)
    }
    walk.entries.push({
      diffKey,
      kind: 'richText',
      label,
      path,
      richTextNodes: paths.map((nodePath, index) => ({ label: `${label}, text ${index + 1}`, path: [...path, ...nodePath] })),
      source: richTextToText(sourceValue),
    })
    return
  }
  const kind =
    field.type === 'text' || field.type === 'email' ? 'text' : field.type === 'textarea' || field.type === 'code' ? 'textarea' : null
  walk.entries.push({
    diffKey,
    kind: kind ?? 'unsupported',
    label,
    path,
    source: typeof sourceValue === 'string' ? sourceValue : JSON.stringify(sourceValue ?? null),
  })
}

const walkFields = (fields: readonly Field[], walk: Walk) => {
  for (const field of fields) {
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if (tabHasName(tab)) {
          walkField({ name: tab.name, type: 'group', fields: tab.fields, label: tab.label, localized: tab.localized } as Field, walk)
        } else {
          walkFields(tab.fields, walk)
        }
      }
    } else if (!fieldAffectsData(field)) {
      if ('fields' in field && Array.isArray(field.fields)) {
        walkFields(field.fields, walk)
      }
    } else {
      walkField(field, walk)
    }
  }
}

const walkRows = (field: Field & { name: string }, walk: Walk, localized: boolean, label: string) => {
  const sourceRows = walk.source[field.name]
  if (!Array.isArray(sourceRows)) {
    return
  }
  if (localized && (!Array.isArray(walk.target[field.name]) || (walk.target[field.name] as unknown[]).length === 0)) {
    walk.target[field.name] = withoutIds(sourceRows)
  }
  const targetRows = (Array.isArray(walk.target[field.name]) ? walk.target[field.name] : (walk.target[field.name] = [])) as unknown[]
  sourceRows.forEach((sourceRow, index) => {
    if (!isRecord(sourceRow)) {
      return
    }
    const rowFields =
      field.type === 'array'
        ? field.fields
        : field.type === 'blocks'
          ? field.blocks.find((block: Block) => block.slug === sourceRow.blockType)?.fields
          : undefined
    if (!rowFields) {
      return
    }
    if (!isRecord(targetRows[index])) {
      targetRows[index] = {}
    }
    walkFields(rowFields, {
      ...walk,
      diffKey: localized ? walk.diffKey : join(join(walk.diffKey, field.name), rowKey(sourceRow, index)),
      label: `${label} ${index + 1}`,
      localized,
      path: [...walk.path, field.name, index],
      source: sourceRow,
      target: targetRows[index] as UnknownRecord,
    })
  })
}

const walkField = (field: Field, walk: Walk) => {
  if (!fieldAffectsData(field)) {
    return
  }
  const localized = walk.localized || Boolean(field.localized)
  // Inside a localized container the diff names the container; elsewhere each field by its path.
  const diffKey = walk.localized ? walk.diffKey : join(walk.diffKey, field.name)
  const label = walk.label === '' ? labelOf(field) : `${walk.label} › ${labelOf(field)}`
  if (field.type === 'group') {
    if (!isRecord(walk.target[field.name])) {
      walk.target[field.name] = {}
    }
    walkFields(field.fields, {
      ...walk,
      diffKey,
      label,
      localized,
      path: [...walk.path, field.name],
      source: isRecord(walk.source[field.name]) ? (walk.source[field.name] as UnknownRecord) : {},
      target: walk.target[field.name] as UnknownRecord,
    })
  } else if (field.type === 'array' || field.type === 'blocks') {
    walkRows(field, { ...walk, diffKey: field.localized ? diffKey : walk.diffKey }, localized, label)
  } else if (localized) {
    leaf(field, { ...walk, diffKey, label, path: [...walk.path, field.name] })
  }
}

/**
 * Everything a translator fills in for one document, in form order: localized fields (also
 * inside arrays, blocks, groups and named tabs, flattened row by row), each with its source text.
 * Mutates `target` so that every path named exists: rich text and localized arrays with no
 * translation yet start as a copy of the source, whose text the translator replaces.
 */
export const translationEntries = (fields: readonly Field[], source: UnknownRecord, target: UnknownRecord): Entry[] => {
  const entries: Entry[] = []
  walkFields(fields, { diffKey: '', entries, label: '', localized: false, path: [], source, target })
  return entries
}

/** The top-level fields holding anything localized: what a save sends, so nothing else is written. */
export const topLevelKeys = (entries: readonly Entry[]): string[] => [...new Set(entries.map(({ path }) => String(path[0])))]
