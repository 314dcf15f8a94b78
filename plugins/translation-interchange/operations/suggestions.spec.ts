import type { Field, PayloadRequest } from 'payload'

import { mayReadField } from './suggestions'

const staffOnly = ({ req }: { req: PayloadRequest }) => req.user?.collection === 'users'

const fields: Field[] = [
  { name: 'title', type: 'text', localized: true },
  { name: 'trainerNotes', type: 'textarea', access: { read: staffOnly }, localized: true },
  {
    name: 'contacts',
    type: 'array',
    access: { read: async ({ doc }) => doc?.shareContacts === true },
    fields: [{ name: 'label', type: 'text', localized: true }],
  },
]

const reader = (collection: string) => ({ user: { id: 1, collection } }) as unknown as PayloadRequest

test.each([
  ['a field without access of its own is readable', 'users', 'title', {}, true],
  ['a staff-only field is readable by staff', 'users', 'trainerNotes', {}, true],
  ['a staff-only field is not readable by an API client', 'api-clients', 'trainerNotes', {}, false],
  ['a field inside a container the document keeps closed is not readable', 'users', 'contacts.65a1.label', { shareContacts: false }, false],
  ['a field inside a container the document opens is readable', 'users', 'contacts.65a1.label', { shareContacts: true }, true],
])('%s', async (_, collection, path, doc, readable) => {
  expect(await mayReadField(reader(collection), fields, path, { id: 7, ...doc })).toBe(readable)
})
