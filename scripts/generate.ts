/**
 * `npm run generate`: writes src/payload-types.ts, schema.graphql and the admin import map from the
 * config. A test fails while the committed copies differ from what this produces.
 */
import fs from 'node:fs'
import { generateImportMap } from 'payload'

import config from '../payload.config'
import { renderGraphQLSchema, renderTypes } from '../src/lib/generatedArtifacts'

const sanitized = await config

fs.writeFileSync(sanitized.typescript.outputFile, await renderTypes(sanitized))
console.log(`wrote ${sanitized.typescript.outputFile}`)

fs.writeFileSync(sanitized.graphQL.schemaOutputFile, renderGraphQLSchema(sanitized))
console.log(`wrote ${sanitized.graphQL.schemaOutputFile}`)

await generateImportMap(sanitized, { force: true, log: true })
process.exit(0)
