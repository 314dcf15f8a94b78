import type { CollectionConfig } from 'payload'

import { fieldText, hasOwnText, resolveSearchedField } from './searchedFields'

const partners: CollectionConfig = {
  slug: 'partners',
  fields: [
    { name: 'name', type: 'text', localized: true },
    { type: 'row', fields: [{ name: 'acronym', type: 'text' }] },
    { name: 'contactPerson', type: 'text', access: { read: ({ req }) => Boolean(req.user) } },
    { name: 'offices', type: 'array', fields: [{ name: 'city', type: 'text', localized: true }] },
    { name: 'logo', type: 'upload', relationTo: 'media' },
  ],
}

describe('resolveSearchedField', () => {
  test('a field with its own read access is refused: its words would reach public results', () => {
    expect(() => resolveSearchedField(partners, 'contactPerson')).toThrow(/own read access/)
  })

  test('an unknown path and a field that holds no text are refused', () => {
    expect(() => resolveSearchedField(partners, 'nickname')).toThrow(/no field "nickname"/)
    expect(() => resolveSearchedField(partners, 'logo')).toThrow(/upload field/)
  })

  test('rows are looked through and array rows each give their text, with the fallback per value', () => {
    const doc = { name: { en: 'Shelter', nl: 'Opvang' }, acronym: 'SHN', offices: [{ city: { en: 'Brussels', nl: 'Brussel' } }, { city: { en: 'Liège' } }] }
    expect(fieldText(doc, resolveSearchedField(partners, 'acronym'), 'nl', 'en')).toBe('SHN')
    expect(fieldText(doc, resolveSearchedField(partners, 'offices.city'), 'nl', 'en')).toBe('Brussel\nLiège')
    expect(fieldText(doc, resolveSearchedField(partners, 'offices.city'), 'nl', undefined)).toBe('Brussel')
    expect(hasOwnText(doc, [resolveSearchedField(partners, 'name')], 'nl')).toBe(true)
    expect(hasOwnText(doc, [resolveSearchedField(partners, 'name'), resolveSearchedField(partners, 'acronym')], 'fr')).toBe(false)
  })
})
