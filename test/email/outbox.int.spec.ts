import type { Payload } from 'payload'

import fs from 'node:fs'
import path from 'node:path'

import { outbox } from '@/lib/email'

import { bootPayload, shutdownPayload } from '../helpers/payload'

const outboxFile = path.join(process.env.JEC_TEST_WORK_DIR!, 'outbox.jsonl')
process.env.EMAIL_OUTBOX_FILE = outboxFile

let payload: Payload

beforeAll(async () => {
  payload = await bootPayload()
})

afterAll(async () => {
  await shutdownPayload(payload)
})

test('without SMTP, notifications land in the outbox and the outbox file', async () => {
  await payload.sendEmail({ html: '<p>Review requested</p>', subject: 'Review requested: nl', to: 'reviewer@example.org' })
  expect(outbox.at(-1)).toMatchObject({ subject: 'Review requested: nl', to: ['reviewer@example.org'] })
  const lines = fs.readFileSync(outboxFile, 'utf8').trim().split('\n')
  expect(JSON.parse(lines.at(-1)!)).toMatchObject({ html: '<p>Review requested</p>', subject: 'Review requested: nl' })
})
