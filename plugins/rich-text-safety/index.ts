import type { CollectionBeforeOperationHook, Config, GlobalConfig } from 'payload'

import { ValidationError } from 'payload'

import { richTextProblem } from '@/lib/richTextSafety'

/**
 * Deeper than any document of this CMS: rich text's 32 levels of nodes are 66 levels of JSON (a
 * node, its `children` list, the next node…), inside a few levels of fields and a locale key.
 */
export const MAX_DATA_DEPTH = 100

type UnknownRecord = Record<string, unknown>

const isRecord = (value: unknown): value is UnknownRecord => typeof value === 'object' && value !== null && !Array.isArray(value)

/** A Lexical editor state, wherever it sits in a write's data (a field, a locale of a field, a block). */
const looksLikeRichText = (value: UnknownRecord): boolean => 'root' in value

/**
 * The first problem in a write's data: nesting deeper than `MAX_DATA_DEPTH`, or a rich text value
 * `richTextProblem` refuses; with the path where it was found. One pass with its own stack.
 */
export const dataProblem = (data: unknown): null | { message: string; path: string } => {
  const pending: Array<{ depth: number; path: string[]; value: unknown }> = [{ depth: 0, path: [], value: data }]
  while (pending.length > 0) {
    const { depth, path, value } = pending.pop() as (typeof pending)[number]
    if (depth > MAX_DATA_DEPTH) {
      return { message: `The data nests more than ${MAX_DATA_DEPTH} levels deep.`, path: path.join('.') }
    }
    if (isRecord(value) && looksLikeRichText(value)) {
      const message = richTextProblem(value)
      if (message) {
        return { message, path: path.join('.') }
      }
    }
    // Rich text included: a node's other properties can nest too.
    if (Array.isArray(value) || isRecord(value)) {
      for (const [key, child] of Object.entries(value)) {
        if (typeof child === 'object' && child !== null) {
          pending.push({ depth: depth + 1, path: [...path, key], value: child })
        }
      }
    }
  }
  return null
}

const refuse = (problem: { message: string; path: string }, slug: { collection?: string; global?: string }): never => {
  throw new ValidationError({ ...slug, errors: [{ message: problem.message, path: problem.path }] })
}

const WRITES = new Set(['create', 'update', 'updateByID'])

/**
 * Refuses a write whose data is too deep or holds unsafe rich text before Payload's operation
 * copies it: `deepCopyObjectSimple` is recursive (a 1 MiB body of nested nodes overflows the stack,
 * a 500) and cost 1 s for 300,000 empty nodes, all before any field hook ran.
 */
const boundWriteBeforeOperation: CollectionBeforeOperationHook = ({ args, collection, operation }) => {
  if (WRITES.has(operation)) {
    const problem = dataProblem((args as { data?: unknown }).data)
    if (problem) {
      refuse(problem, { collection: collection.slug })
    }
  }
  return args
}

type GlobalBeforeOperationHook = NonNullable<NonNullable<GlobalConfig['hooks']>['beforeOperation']>[number]

const boundGlobalWriteBeforeOperation: GlobalBeforeOperationHook = ({ args, global, operation }) => {
  if (operation === 'update') {
    const problem = dataProblem((args as { data?: unknown }).data)
    if (problem) {
      refuse(problem, { global: global.slug })
    }
  }
  return args
}

/**
 * Rich text's write boundary, for every collection and global: bounded depth and safe links before
 * the operation starts (this plugin), then the same check per field once Payload has parsed the
 * value (the editor's hook, `src/fields/richTextEditor.ts`, which also catches values sent as JSON
 * strings). Register it last, so it covers the collections other plugins add.
 */
export const richTextSafety =
  () =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection) => ({
      ...collection,
      hooks: { ...collection.hooks, beforeOperation: [boundWriteBeforeOperation, ...(collection.hooks?.beforeOperation ?? [])] },
    })),
    globals: (config.globals ?? []).map((global) => ({
      ...global,
      hooks: { ...global.hooks, beforeOperation: [boundGlobalWriteBeforeOperation, ...(global.hooks?.beforeOperation ?? [])] },
    })),
  })
