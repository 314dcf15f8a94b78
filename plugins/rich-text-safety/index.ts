import type { Config } from 'payload'

import type { RichTextSafetyOptions } from './types'

import { resolveRichTextSafetyOptions } from './defaults'
import { boundGlobalWriteBeforeOperation, boundWriteBeforeOperation } from './hooks/boundWritesBeforeOperation'

export type { RichTextSafetyOptions } from './types'

/**
 * Rich text's write boundary, for every collection and global: bounded depth and safe links before
 * the operation starts (this plugin), then the same check per field once Payload has parsed the
 * value (the editor's hook, `src/fields/richTextEditor.ts`, which also catches values sent as JSON
 * strings). Register it last, so it covers the collections other plugins add.
 */
export const richTextSafety =
  (incoming: RichTextSafetyOptions) =>
  (config: Config): Config => {
    const options = resolveRichTextSafetyOptions(incoming)
    const boundWrite = boundWriteBeforeOperation(options)
    const boundGlobalWrite = boundGlobalWriteBeforeOperation(options)
    return {
      ...config,
      collections: (config.collections ?? []).map((collection) => ({
        ...collection,
        hooks: { ...collection.hooks, beforeOperation: [boundWrite, ...(collection.hooks?.beforeOperation ?? [])] },
      })),
      globals: (config.globals ?? []).map((global) => ({
        ...global,
        hooks: { ...global.hooks, beforeOperation: [boundGlobalWrite, ...(global.hooks?.beforeOperation ?? [])] },
      })),
    }
  }
