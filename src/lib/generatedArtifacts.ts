/**
 * The files generated from the Payload config and committed with the code: TypeScript types and
 * the GraphQL SDL that external sites code against. Rendered for the embedded default database
 * (numeric ids) whatever the current DATABASE_URI, so the committed files never flip with the
 * machine that generated them.
 */
import type { SanitizedConfig } from 'payload'

import { configToSchema } from '@payloadcms/graphql'
import { printSchema } from 'graphql'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { generateTypes } from 'payload/node'

const withEmbeddedIds = (config: SanitizedConfig): SanitizedConfig => ({
  ...config,
  db: { ...config.db, defaultIDType: 'number' },
})

export async function renderTypes(config: SanitizedConfig): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jec-types-'))
  const outputFile = path.join(dir, 'payload-types.ts')
  try {
    const embedded = withEmbeddedIds(config)
    await generateTypes({ ...embedded, typescript: { ...embedded.typescript, outputFile } }, { log: false })
    return fs.readFileSync(outputFile, 'utf8')
  } finally {
    fs.rmSync(dir, { force: true, recursive: true })
  }
}

export function renderGraphQLSchema(config: SanitizedConfig): string {
  return `${printSchema(configToSchema(withEmbeddedIds(config)).schema)}\n`
}
