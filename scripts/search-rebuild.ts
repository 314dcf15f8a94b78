/**
 * `npm run search:rebuild`: rebuilds the public search index (plugins/public-search) from the
 * documents in the configured database, printing its progress per collection. For content loaded
 * before search existed or by an import that bypassed Payload; searches keep answering meanwhile.
 */
import { getPayload } from 'payload'

import type { SearchContract } from '../plugins/public-search'

import config from '../payload.config'
import { closeDatabase } from '../src/db'

const payload = await getPayload({ config })
const started = Date.now()
const contract = payload.config.custom.publicSearch as SearchContract
const report = await contract.rebuild(payload, ({ collection, done, removed, total }) => {
  const percent = total === 0 ? 100 : Math.round((done / total) * 100)
  console.log(`${collection}: ${done}/${total} documents (${percent} %)${removed > 0 ? `, ${removed} stale entries removed` : ''}`)
})
const documents = report.reduce((sum, { done }) => sum + done, 0)
console.log(`search index rebuilt: ${documents} documents in ${((Date.now() - started) / 1000).toFixed(1)} s`)
await closeDatabase(payload)
process.exit(0)
