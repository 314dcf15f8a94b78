/**
 * Runs in each test file before its modules load, because the configuration reads the environment
 * at import time. Every file gets its own database — a fresh SQLite file, or a database of its own
 * on the MongoDB server when the suite runs with DATABASE_URI=mongodb://… — and its own media folder.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

Object.assign(process.env, { NODE_ENV: 'test' })
process.env.PAYLOAD_SECRET ??= 'test-secret-test-secret-test-secret-0123'
process.env.LOG_LEVEL ??= 'error'
// Tests fire hundreds of requests from one address; files that test limits set their own.
process.env.RATE_LIMIT_MAX ??= '100000'
process.env.RATE_LIMIT_STAFF_MAX ??= '100000'
// Tests run the job queue explicitly, so that what a test waits for happens when it says.
process.env.RUN_JOBS = 'false'

// The suite's own DATABASE_URI is kept aside once; each file then derives its private database.
process.env.JEC_TEST_BASE_DATABASE_URI ??= process.env.DATABASE_URI ?? ''
const baseUri = process.env.JEC_TEST_BASE_DATABASE_URI

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jec-test-'))
process.env.JEC_TEST_WORK_DIR = workDir
process.env.MEDIA_DIR = path.join(workDir, 'media')

if (baseUri.startsWith('mongodb')) {
  const url = new URL(baseUri)
  url.pathname = `/jec_test_${randomBytes(6).toString('hex')}`
  process.env.DATABASE_URI = url.toString()
} else {
  process.env.DATABASE_URI = `file:${path.join(workDir, 'test.db')}`
}
