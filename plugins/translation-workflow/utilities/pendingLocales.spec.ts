import type { Field } from 'payload'

import { pendingLocales } from './pendingLocales'

const fields: Field[] = [
  { name: 'title', type: 'text', localized: true },
  { name: 'number', type: 'number' },
  { name: 'steps', type: 'array', fields: [{ name: 'text', type: 'text', localized: true }] },
]

const published = {
  number: 1,
  steps: [{ id: 's1', text: { en: 'Refer', nl: 'Verwijs' } }],
  title: { en: 'Referral', nl: 'Doorverwijzing' },
}

describe('pendingLocales', () => {
  test.each<[string, Record<string, unknown>, string[]]>([
    ['nothing pending', published, []],
    ['only the locale being published changed', { ...published, title: { en: 'Safe referral', nl: 'Doorverwijzing' } }, []],
    ['a shared field changed', { ...published, number: 2 }, []],
    ['a Dutch draft', { ...published, title: { en: 'Referral', nl: 'Veilige doorverwijzing' } }, ['nl']],
    ['a Swedish draft where nothing was published', { ...published, title: { ...published.title, sv: 'Hänvisning' } }, ['sv']],
    ['a Dutch draft inside a shared array', { ...published, steps: [{ id: 's1', text: { en: 'Refer', nl: 'Verwijs door' } }] }, ['nl']],
  ])('%s', (_name, draft, expected) => {
    expect(pendingLocales(fields, draft, published, ['en', 'nl', 'sv'], 'en')).toEqual(expected)
  })
})
