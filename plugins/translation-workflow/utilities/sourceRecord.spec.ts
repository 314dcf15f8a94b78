import type { Field } from 'payload'

import { changedSourceFields, recordSource } from './sourceRecord'

const fields: Field[] = [
  { name: 'title', type: 'text', localized: true },
  { name: 'code', type: 'text' },
  { name: 'summary', type: 'richText', localized: true },
  { name: 'image', type: 'upload', localized: true, relationTo: 'media' },
]

const richText = (text: string) => ({
  root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', format: 0, text }] }] },
})

const original = { code: 'M1', image: 4, summary: richText('Victims are referred within 24 hours.'), title: 'Referral' }

describe('recordSource', () => {
  test('fingerprints, text and words of the localized fields only', () => {
    const record = recordSource(fields, original)
    expect(Object.keys(record.sourceFingerprints).sort()).toEqual(['image', 'summary', 'title'])
    expect(record.sourceValues).toEqual({ image: '4', summary: 'Victims are referred within 24 hours.', title: 'Referral' })
    // "Referral" (1) + "Victims are referred within 24 hours." (6); an upload has no words.
    expect(record.sourceWordCount).toBe(7)
  })
})

describe('changedSourceFields', () => {
  const recorded = recordSource(fields, original)
  test.each([
    ['a non-localized change is no change', { ...original, code: 'M2' }, []],
    [
      'bold text is no change',
      {
        ...original,
        summary: {
          root: {
            type: 'root',
            children: [{ type: 'paragraph', children: [{ type: 'text', format: 1, text: 'Victims are referred within 24 hours.' }] }],
          },
        },
      },
      [],
    ],
    [
      'one field, with its diff',
      { ...original, summary: richText('Victims are referred within 48 hours.') },
      [['summary', 'Victims are referred within [-24-]{+48+} hours.']],
    ],
    ['a new image counts', { ...original, image: 5 }, [['image', '[-4-]{+5+}']]],
    [
      'two fields, sorted',
      { ...original, image: 5, title: 'Referral of victims' },
      [
        ['image', '[-4-]{+5+}'],
        ['title', 'Referral{+ of victims+}'],
      ],
    ],
  ])('%s', (_name, current, expected) => {
    expect(changedSourceFields(recorded, recordSource(fields, current)).map(({ path, summary }) => [path, summary])).toEqual(expected)
  })

  test('a field unknown to the record was empty before', () => {
    const changes = changedSourceFields({ sourceFingerprints: {}, sourceValues: {} }, recordSource(fields, { title: 'New' }))
    expect(changes.find(({ path }) => path === 'title')).toMatchObject({ after: 'New', before: '', path: 'title' })
  })
})
