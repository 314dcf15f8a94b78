import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { validateXML } from 'xmllint-wasm'

import type { ExportDocument } from './xliff'

import { flatten } from './inline'
import { buildXliff, parseXliff } from './xliff'

const schemas = path.resolve('test/fixtures/xliff/schemas')

const richText = {
  root: {
    type: 'root',
    children: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text: 'Call ', version: 1 },
          { type: 'text', detail: 0, format: 1, mode: 'normal', style: '', text: '116 006', version: 1 },
          { type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text: ' or visit ', version: 1 },
          {
            type: 'link',
            children: [{ type: 'text', detail: 0, format: 2, mode: 'normal', style: '', text: 'our site', version: 1 }],
            fields: { linkType: 'custom', newTab: true, url: 'https://example.org/help' },
            version: 3,
          },
          { type: 'linebreak', version: 1 },
          { type: 'text', detail: 0, format: 3, mode: 'normal', style: '', text: 'now & <always>', version: 1 },
        ],
        direction: 'ltr',
        format: '',
        indent: 0,
        version: 1,
      },
      {
        type: 'list',
        children: [
          {
            type: 'listitem',
            children: [{ type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text: 'Second', version: 1 }],
            value: 1,
            version: 1,
          },
        ],
        listType: 'bullet',
        tag: 'ul',
        version: 1,
      },
    ],
    direction: 'ltr',
    format: '',
    indent: 0,
    version: 1,
  },
}

const documentFor = (version: '1.2' | '2.0'): ExportDocument => {
  const flat = flatten(richText)
  return {
    files: [
      {
        collection: 'phases',
        documentId: '12',
        units: [
          {
            id: 'title',
            context: { collection: 'phases', field: 'Title', maxLength: 120 },
            fingerprint: 'sha256:0123456789abcdef',
            source: ['Safe & sound "quoted"'],
            tags: new Map(),
            target: ['Veilig'],
          },
          {
            id: 'keyActivities.64f0a1b2c3d4e5f6a7b8c9d0.summary',
            context: { collection: 'phases', field: 'Key activities › Summary' },
            fingerprint: 'sha256:fedcba9876543210',
            source: flat.content,
            tags: flat.tags,
            target: [],
          },
        ],
      },
    ],
    sourceLanguage: 'en',
    targetLanguage: 'nl',
    version,
  }
}

const validate = async (xml: string, schema: string) => {
  const preload = await Promise.all(
    ['xml.xsd', 'xliff_core_2.0.xsd', 'xliff-core-1.2-strict.xsd'].map(async (fileName) => ({
      contents: await readFile(path.join(schemas, fileName), 'utf8'),
      fileName,
    })),
  )
  const main = preload.find((file) => file.fileName === schema) as { contents: string; fileName: string }
  return validateXML({ preload: preload.filter((file) => file !== main), schema: main, xml: { contents: xml, fileName: 'export.xlf' } })
}

describe('XLIFF export', () => {
  test.each([
    ['2.0', 'xliff_core_2.0.xsd'],
    ['1.2', 'xliff-core-1.2-strict.xsd'],
  ] as const)('XLIFF %s validates against the OASIS schema', async (version, schema) => {
    const result = await validate(buildXliff(documentFor(version)), schema)
    expect(result.errors).toEqual([])
    expect(result.valid).toBe(true)
  })

  test('the schema check can fail: a unit without source is refused', async () => {
    const broken = buildXliff(documentFor('2.0')).replace(/<source>Safe[^<]*<\/source>/, '')
    expect((await validate(broken, 'xliff_core_2.0.xsd')).valid).toBe(false)
  })

  test('2.0 uses pc/ph for formats, links and breaks; 1.2 uses g/x', () => {
    const xml20 = buildXliff(documentFor('2.0'))
    expect(xml20).toContain('<pc id="f1" type="fmt" subType="xlf:b">116 006</pc>')
    expect(xml20).toContain('<pc id="l1" type="link"><pc id="f2" type="fmt" subType="xlf:i">our site</pc></pc>')
    expect(xml20).toContain('<ph id="n1" type="fmt" equiv="&#10;" subType="xlf:lb"/>')
    expect(xml20).toContain('<note category="source-fingerprint">sha256:0123456789abcdef</note>')
    expect(xml20).toContain('<note category="max-length">120</note>')
    const xml12 = buildXliff(documentFor('1.2'))
    expect(xml12).toContain('<g id="f1" ctype="bold">116 006</g>')
    expect(xml12).toContain('<g id="l1" ctype="link"><g id="f2" ctype="italic">our site</g></g>')
    expect(xml12).toContain('<x id="b1" ctype="x-paragraph"/>')
  })

  test.each(['2.0', '1.2'] as const)('XLIFF %s reads back what it wrote', async (version) => {
    const written = documentFor(version)
    const parsed = await parseXliff(buildXliff(written), 1_000_000)
    expect(parsed).toMatchObject({ sourceLanguage: 'en', targetLanguage: 'nl', version })
    const [file] = parsed.files
    expect(file).toMatchObject({ collection: 'phases', documentId: '12', unreadable: [] })
    expect(file.units.map((unit) => unit.id)).toEqual(written.files[0].units.map((unit) => unit.id))
    expect(file.units[0]).toEqual({
      id: 'title',
      fingerprint: 'sha256:0123456789abcdef',
      source: ['Safe & sound "quoted"'],
      target: ['Veilig'],
    })
    expect(file.units[1].source).toEqual(written.files[0].units[1].source)
    expect(file.units[1].target).toBeNull()
  })
})

test('a 2.0 unit split into segments by a CAT tool is joined back; translated only when every segment is', async () => {
  const split = (second: string) =>
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="nl"><file id="f" original="phases/1"><unit id="title">` +
    `<segment><source>One.</source><target>Een.</target></segment><ignorable><source> </source></ignorable>` +
    `<segment><source>Two.</source>${second}</segment></unit></file></xliff>`
  expect((await parseXliff(split('<target>Twee.</target>'), 10_000)).files[0].units[0]).toMatchObject({
    source: ['One. Two.'],
    target: ['Een. Twee.'],
  })
  expect((await parseXliff(split(''), 10_000)).files[0].units[0]).toMatchObject({ source: ['One. Two.'], target: null })
})

describe('XLIFF import refuses', () => {
  const valid = buildXliff(documentFor('2.0'))

  test('a DOCTYPE, with or without entities (XXE, billion laughs)', async () => {
    const xxe = valid.replace('<xliff', '<!DOCTYPE xliff [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<xliff').replace('Veilig', '&x;')
    const laughs = valid.replace(
      '<xliff',
      '<!DOCTYPE xliff [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n<xliff',
    )
    await expect(parseXliff(xxe, 1_000_000)).rejects.toThrow(/DOCTYPE/)
    await expect(parseXliff(laughs, 1_000_000)).rejects.toThrow(/DOCTYPE/)
  })

  test('an entity nobody declared', async () => {
    await expect(parseXliff(valid.replace('Veilig', '&x;'), 1_000_000)).rejects.toThrow(/not well-formed/)
  })

  test('a file over the size limit', async () => {
    await expect(parseXliff(valid, 100)).rejects.toThrow(/larger than 100 bytes/)
  })

  test('XML that is not XLIFF', async () => {
    await expect(parseXliff('<?xml version="1.0"?><tmx version="1.4"/>', 1_000_000)).rejects.toThrow(/not XLIFF/)
  })

  test('XML-level unbalanced tags', async () => {
    await expect(
      parseXliff(valid.replace('<pc id="f1" type="fmt" subType="xlf:b">', '<pc id="f1">').replace('116 006</pc>', '116 006'), 1_000_000),
    ).rejects.toThrow(/not well-formed/)
  })

  test('spanning tags are reported per unit as unpaired', async () => {
    const spanning = valid.replace('<target>Veilig</target>', '<target><sc id="f9"/>Veilig</target>')
    const [file] = (await parseXliff(spanning, 1_000_000)).files
    expect(file.unreadable).toEqual([{ id: 'title', reason: expect.stringMatching(/unpaired/) }])
  })
})
