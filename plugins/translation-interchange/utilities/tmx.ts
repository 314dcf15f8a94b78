import type { MemoryEntry } from './memory'

import { childElements, element, firstChild, parseXml, textOf, xmlDocument, type XmlElement } from './xml'

/** TMX 1.4b, the exchange format of translation memories between CAT tools. */

export type TmxEntry = MemoryEntry & { createdAt?: null | string }

export type TmxMemory = { entries: TmxEntry[]; sourceLanguage: string; targetLanguage: string }

/** TMX dates are basic ISO 8601 in UTC: 20260101T120000Z. */
const tmxDate = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+/, '')
const isoDate = (tmx: string) => {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(tmx)
  return match ? `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}.000Z` : null
}

export const buildTmx = (memory: TmxMemory): string =>
  xmlDocument(
    element(
      'tmx',
      { version: '1.4' },
      element('header', {
        adminlang: 'en',
        creationtool: 'translation-interchange',
        creationtoolversion: '1',
        datatype: 'plaintext',
        'o-tmf': 'payload',
        segtype: 'paragraph',
        srclang: memory.sourceLanguage,
      }),
      element(
        'body',
        {},
        memory.entries.map((entry) =>
          element(
            'tu',
            { creationdate: entry.createdAt ? tmxDate(entry.createdAt) : undefined },
            entry.context ? element('prop', { type: 'x-context' }, entry.context) : null,
            entry.origin ? element('prop', { type: 'x-origin' }, entry.origin) : null,
            element('tuv', { 'xml:lang': memory.sourceLanguage }, element('seg', {}, entry.source)),
            element('tuv', { 'xml:lang': memory.targetLanguage }, element('seg', {}, entry.target)),
          ),
        ),
      ),
    ),
  )

/** Native codes inside a segment (bpt, ept, ph, it, ut) are formatting of another tool: their content is not text. */
const NATIVE_CODES = new Set(['bpt', 'ept', 'it', 'ph', 'ut'])
const segmentText = (node: XmlElement): string => textOf(node, (inner) => inner !== node && NATIVE_CODES.has(inner.name))

const sameLanguage = (a: string | undefined, b: string) => (a ?? '').toLowerCase().split(/[-_]/)[0] === b.toLowerCase().split(/[-_]/)[0]

/** The pairs of a TMX file between two languages (region subtags ignored); other units are skipped. */
export const parseTmx = async (input: string, maxBytes: number, sourceLanguage: string, targetLanguage: string): Promise<TmxEntry[]> => {
  const root = await parseXml(input, maxBytes)
  if (root.name !== 'tmx') {
    throw new Error('The file is not TMX.')
  }
  const body = firstChild(root, 'body')
  return (body ? childElements(body, 'tu') : []).flatMap((tu: XmlElement): TmxEntry[] => {
    const variants = childElements(tu, 'tuv')
    const seg = (language: string) => {
      const variant = variants.find((candidate) => sameLanguage(candidate.attributes['xml:lang'] ?? candidate.attributes.lang, language))
      const segment = variant && firstChild(variant, 'seg')
      return segment ? segmentText(segment) : null
    }
    const source = seg(sourceLanguage)
    const target = seg(targetLanguage)
    if (!source || !target) {
      return []
    }
    const prop = (type: string) => childElements(tu, 'prop').find((candidate) => candidate.attributes.type === type)
    const created = tu.attributes.creationdate ? isoDate(tu.attributes.creationdate) : null
    return [
      {
        context: prop('x-context') ? segmentText(prop('x-context') as XmlElement) : null,
        createdAt: created,
        origin: prop('x-origin') ? segmentText(prop('x-origin') as XmlElement) : 'tmx',
        source,
        target,
      },
    ]
  })
}
