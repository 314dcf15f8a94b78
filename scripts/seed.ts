/**
 * `npm run seed`: loads the programme's content into the configured database. Safe to run again:
 * existing documents are updated in place, never duplicated.
 */
import { getPayload } from 'payload'

import config from '../payload.config'
import { closeDatabase } from '../src/db'
import { seedProgramme } from '../src/seed/seedProgramme'

const payload = await getPayload({ config })
const started = Date.now()
await seedProgramme(payload, (message) => console.log(message))
console.log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`)
await closeDatabase(payload)
process.exit(0)
