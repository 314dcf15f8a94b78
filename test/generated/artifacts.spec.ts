import fs from 'node:fs'
import path from 'node:path'

import { renderGraphQLSchema, renderTypes } from '@/lib/generatedArtifacts'
import { projectRoot } from '@/lib/paths'

const committed = (file: string) => fs.readFileSync(path.join(projectRoot, file), 'utf8')

describe('generated files are up to date (run `npm run generate` after changing the config)', () => {
  test('src/payload-types.ts matches the config', async () => {
    const { default: config } = await import('@payload-config')
    expect(committed('src/payload-types.ts')).toBe(await renderTypes(await config))
  })

  test('schema.graphql matches the config', async () => {
    const { default: config } = await import('@payload-config')
    expect(committed('schema.graphql')).toBe(renderGraphQLSchema(await config))
  })
})
