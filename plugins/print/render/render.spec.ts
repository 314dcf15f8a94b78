import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { DirectoryInput, ManualInput, PocketCardInput, PrintBlock, PrintHotline, PrintInput } from './types'

import { renderPreview, renderPrint } from '.'
import { labelsFor, printLanguage } from './labels'

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'print-render-'))
afterAll(() => fs.rmSync(workDir, { force: true, recursive: true }))

let files = 0
const save = (pdf: Buffer) => {
  const file = path.join(workDir, `${++files}.pdf`)
  fs.writeFileSync(file, pdf)
  return file
}
const poppler = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8' })
/** The text of a page (or all pages) with runs of white space as single spaces. */
const textOf = (file: string, page?: number) =>
  poppler('pdftotext', '-layout', ...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-')
    .replace(/\s+/g, ' ')
    .trim()
const pageSizes = (file: string) =>
  [...poppler('pdfinfo', '-f', '1', '-l', '99', file).matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map(([, width, height]) => ({
    height: Number(height),
    width: Number(width),
  }))

/**
 * Letters a WinAnsi font would lose; the English sample carries all of ő ű Ő Ű ș ț Ș Ț ë ç å ø æ ß œ ã õ,
 * so each template is checked for every one. (In words: pdftotext drops the spaces between lone letters.)
 */
const glyphs: Record<string, string> = {
  de: 'Straße Öl',
  en: 'Őrült Űrlap őrző fűző Știință Țară Shqipëria çelës Blåbær øy Æsir Straße cœur Irmãs põem',
  fr: 'Œuvre cœur façade',
  hu: 'Őrző űrlap főző ŰRÜGY',
  nb: 'Blåbær øy Æsir',
  pt: 'Irmãs põem',
  ro: 'Știință țară Țepeș',
  sq: 'Shqipëria çelës',
  sv: 'Åsa går över',
}

const stamp = (locale: string) => ({
  ...printLanguage(locale),
  generatedAt: '2026-03-04T05:06:07.000Z',
  locale,
  version: 'a1b2c3d4',
})

const common = (locale: string) => ({
  fundingLine: 'Funded by the European Union',
  labels: labelsFor(locale),
  programmeName: 'Joint Efforts',
  stamp: stamp(locale),
  title: `Pocket card ${glyphs[locale]}`,
})

const hotline = (overrides: Partial<PrintHotline> = {}): PrintHotline => ({
  name: 'National Anti-Trafficking Hotline',
  alternativeNumbers: [{ label: 'From abroad', number: '+36 80 123 456' }],
  availability: '24/7',
  country: 'HU',
  countryName: 'Hungary',
  freeOfCharge: true,
  languages: ['Magyar', 'English'],
  phone: '+36 80 20 55 20',
  ...overrides,
})

const pocketCard = (locale: string, overrides: Partial<PocketCardInput> = {}): PocketCardInput => ({
  ...common(locale),
  bleedMm: 0,
  cropMarks: false,
  hotlines: [hotline(), hotline({ name: 'EU hotline for missing children', country: 'EU', phone: '116 000' })],
  indicators: [
    { text: `The person does not hold their own identity documents ${glyphs[locale]}` },
    { text: 'The person is accompanied by someone who speaks for them' },
    { text: 'The person shows signs of fear or physical abuse' },
  ],
  onlineUrl: `https://print.example.org/${locale}/pocket-card`,
  template: 'pocket-card',
  ...overrides,
})

const paragraph = (text: string): PrintBlock => ({ kind: 'paragraph', runs: [{ text }] })

const manual = (locale: string, overrides: Partial<ManualInput> = {}): ManualInput => ({
  ...common(locale),
  description: [
    { kind: 'heading', level: 1, text: 'About this manual' },
    {
      kind: 'paragraph',
      runs: [
        { text: 'Read it with ' },
        { bold: true, text: 'care' },
        { text: ' and ' },
        { italic: true, text: glyphs[locale] },
        { text: '. See ' },
        { href: 'https://example.org/guide', text: 'the guide' },
        { text: '.' },
      ],
    },
    { kind: 'heading', level: 2, text: 'Who it is for' },
    {
      items: [
        [paragraph('Police officers')],
        [paragraph('Border guards'), { items: [[paragraph('At airports')], [paragraph('At land borders')]], kind: 'list', ordered: true }],
      ],
      kind: 'list',
      ordered: false,
    },
    { kind: 'quote', runs: [{ text: 'Every contact is a chance to identify a victim.' }] },
  ],
  modules: [
    {
      code: 'M1',
      content: [paragraph('Trafficking in human beings is a serious crime.')],
      objectives: [{ text: 'Recognise the indicators' }],
      title: `Understanding trafficking ${glyphs[locale]}`,
    },
    {
      code: 'M2',
      content: [{ kind: 'heading', level: 2, text: 'First contact' }, paragraph('Listen first.')],
      objectives: [{ text: 'Refer a presumed victim' }],
      title: 'Referral',
    },
  ],
  template: 'manual',
  title: `Practitioners' manual ${glyphs[locale]}`,
  ...overrides,
})

const directory = (locale: string, overrides: Partial<DirectoryInput> = {}): DirectoryInput => ({
  ...common(locale),
  countries: [
    {
      name: 'European Union',
      code: 'EU',
      hotlines: [hotline({ name: 'Missing children', country: 'EU', countryName: 'EU', phone: '116 000' })],
    },
    {
      name: `Hungary ${glyphs[locale]}`,
      code: 'HU',
      hotlines: [
        hotline({
          chat: 'https://chat.example.hu',
          email: 'help@example.hu',
          sms: '+36 30 555 0000',
          website: 'https://example.hu',
        }),
      ],
    },
  ],
  template: 'hotline-directory',
  title: `Hotline directory ${glyphs[locale]}`,
  ...overrides,
})

const render = async (input: PrintInput) => {
  const rendered = await renderPrint(input)
  return { ...rendered, file: save(rendered.pdf) }
}

const expectEmbeddedNotoOnly = (file: string) => {
  const rows = poppler('pdffonts', file).trim().split('\n').slice(2)
  expect(rows.length).toBeGreaterThan(0)
  for (const row of rows) {
    expect(row).toMatch(/^[A-Z]{6}\+NotoSans-\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/)
  }
  expect(rows.join('\n')).not.toMatch(/Helvetica/)
}

const stampText = (locale: string) => {
  const { generated, language, version } = labelsFor(locale)
  return [language, printLanguage(locale).languageName, version, 'a1b2c3d4', generated, '2026-03-04']
}

const bigManual = (): ManualInput => {
  const sentence = 'Victims rarely identify themselves; officers learn to read the situation, not only the documents. '
  const paragraphs = (count: number, tag: string) =>
    Array.from({ length: count }, (_, index) => paragraph(`${tag} paragraph ${index + 1}. ${sentence.repeat(6)}`))
  return manual('hu', {
    description: [
      { kind: 'heading', level: 1, text: 'Description heading one' },
      ...paragraphs(12, 'Description'),
      { kind: 'heading', level: 2, text: 'Description heading two' },
      ...paragraphs(12, 'Description'),
    ],
    modules: Array.from({ length: 45 }, (_, index) => ({
      code: `M${index + 1}`,
      content: [
        ...paragraphs(2, `Module ${index + 1}`),
        { kind: 'heading', level: 2, text: `Case study ${index + 1}` },
        ...paragraphs(2, `Module ${index + 1} case`),
      ],
      objectives: [{ text: 'Recognise the indicators' }, { text: 'Refer a presumed victim' }],
      title: `Module title number ${index + 1}`,
    })),
  })
}

describe('renderPrint', () => {
  describe.each(['en', 'hu', 'ro'])('each template in %s', (locale) => {
    test('the pocket card: both sides, A7, the stamp, only Noto Sans and all of it embedded', async () => {
      const { file, pages, size } = await render(pocketCard(locale))
      expect(pages).toBe(2)
      expect(size.width).toBeCloseTo(209.76, 1)
      expect(size.height).toBeCloseTo(297.64, 1)
      expect(pageSizes(file)).toEqual([
        { height: expect.closeTo(297.64, 0.5), width: expect.closeTo(209.76, 0.5) },
        { height: expect.closeTo(297.64, 0.5), width: expect.closeTo(209.76, 0.5) },
      ])
      const [front, back] = [textOf(file, 1), textOf(file, 2)]
      expect(front).toContain(labelsFor(locale).indicators)
      expect(front).toContain(`The person does not hold their own identity documents ${glyphs[locale]}`)
      expect(back).toContain(labelsFor(locale).hotlines)
      expect(back).toContain('+36 80 20 55 20')
      expect(back).toContain(`From abroad: +36 80 123 456`)
      expect(back).toContain(`24/7 · ${labelsFor(locale).freeOfCharge}`)
      expect(back).toContain(labelsFor(locale).scanForOnline)
      expect(back).toContain(`https://print.example.org/${locale}/pocket-card`)
      for (const expected of stampText(locale)) {
        expect(back).toContain(expected)
      }
      expectEmbeddedNotoOnly(file)
    })

    test('the manual: cover, contents, the description and the modules, A4', async () => {
      const { file, pages, size } = await render(manual(locale))
      expect(size).toEqual({ height: 841.89, width: 595.28 })
      expect(pageSizes(file)).toEqual(Array(pages).fill({ height: 841.89, width: 595.28 }))
      const text = textOf(file)
      for (const expected of [
        `Practitioners' manual ${glyphs[locale]}`,
        labelsFor(locale).contents,
        `Read it with care and ${glyphs[locale]}. See the guide (https://example.org/guide).`,
        '• Police officers',
        '1. At airports',
        'Every contact is a chance to identify a victim.',
        `M1 — Understanding trafficking ${glyphs[locale]}`,
        labelsFor(locale).learningObjectives,
        '• Recognise the indicators',
        'Funded by the European Union',
        `${labelsFor(locale).page} 2 / ${pages}`,
        ...stampText(locale),
      ]) {
        expect(text).toContain(expected)
      }
      // The cover has no footer.
      expect(textOf(file, 1)).not.toContain(`${labelsFor(locale).page} 1 /`)
      expectEmbeddedNotoOnly(file)
    })

    test('the hotline directory: countries in order with every way to reach each hotline, A4', async () => {
      const { file, size } = await render(directory(locale))
      expect(size).toEqual({ height: 841.89, width: 595.28 })
      const text = textOf(file)
      const { availability, chat, email, freeOfCharge, languagesSpoken, sms, website } = labelsFor(locale)
      for (const expected of [
        `Hotline directory ${glyphs[locale]}`,
        `${sms}: +36 30 555 0000`,
        `${chat}: https://chat.example.hu`,
        `${email}: help@example.hu`,
        `${website}: https://example.hu`,
        `${availability}: 24/7 · ${freeOfCharge}`,
        `${languagesSpoken}: Magyar, English`,
        `${labelsFor(locale).page} 1 / 1`,
        ...stampText(locale),
      ]) {
        expect(text).toContain(expected)
      }
      expect(text.indexOf('European Union')).toBeLessThan(text.indexOf(`Hungary ${glyphs[locale]}`))
      expectEmbeddedNotoOnly(file)
    })
  })

  test.each(['sq', 'nb', 'sv'])('the pocket card in %s keeps its letters', async (locale) => {
    const { file } = await render(pocketCard(locale))
    expect(textOf(file)).toContain(`Pocket card ${glyphs[locale]}`)
    expect(textOf(file)).toContain(labelsFor(locale).indicators)
    expectEmbeddedNotoOnly(file)
  })

  test("metadata: title, author, keywords with the version, the stamp's date and the language", async () => {
    const { file, pdf } = await render(directory('hu'))
    const info = poppler('pdfinfo', file)
    expect(info).toMatch(/^Title:\s+Hotline directory Őrző űrlap főző ŰRÜGY$/m)
    expect(info).toMatch(/^Author:\s+Joint Efforts$/m)
    expect(info).toMatch(/^Keywords:.*Verzió a1b2c3d4/m)
    expect(info).toMatch(/^CreationDate:\s+Wed Mar\s+4 05:06:07 2026 UTC$/m)
    expect(pdf.toString('latin1')).toContain('/Lang (hu)')
  })

  test('the same input gives the same bytes', async () => {
    const [first, second] = await Promise.all([renderPrint(pocketCard('ro')), renderPrint(pocketCard('ro'))])
    expect(first.pdf.equals(second.pdf)).toBe(true)
  })

  test('a pocket card with bleed and crop marks grows by both on every side and says where to cut', async () => {
    const { file, size } = await render(pocketCard('hu', { bleedMm: 3, cropMarks: true }))
    // 74 × 105 mm plus 3 mm bleed and 5 mm for the marks on each side.
    expect(size.width).toBeCloseTo(255.12, 1)
    expect(size.height).toBeCloseTo(342.99, 1)
    const boxes = poppler('pdfinfo', '-box', '-f', '1', '-l', '1', file)
    expect(boxes).toMatch(/Page\s+1 size:\s+255\.1\d* x 342\.99\d* pts/)
    expect(boxes).toMatch(/TrimBox:\s+22\.68\s+22\.68\s+232\.44\s+320\.31/)
    expect(boxes).toMatch(/BleedBox:\s+14\.17\s+14\.17\s+240\.94\s+328\.82/)
  })

  test('a pocket card whose text cannot fit even at the smallest size is refused, saying what is too long', async () => {
    const text = 'The person is not allowed to speak for themselves and looks to someone else before answering'
    const indicators = Array.from({ length: 23 }, () => ({ text }))
    await expect(renderPrint(pocketCard('hu', { indicators }))).rejects.toThrow(
      "The pocket card's indicators do not fit on the front at 5.5 pt: 23 indicators, shorten or split them",
    )
    const hotlines = Array.from({ length: 9 }, () => hotline())
    await expect(renderPrint(pocketCard('hu', { hotlines }))).rejects.toThrow(
      "The pocket card's hotlines do not fit on the back at 5.5 pt: 9 hotlines",
    )
  })

  test('a crowded pocket card shrinks its text until it fits', async () => {
    const indicators = Array.from({ length: 12 }, (_, index) => ({
      text: `Indicator ${index + 1}: the person shows signs of fear`,
    }))
    const { file } = await render(pocketCard('hu', { indicators }))
    expect(textOf(file, 1)).toContain('Indicator 12: the person shows signs of fear')
  })
})

describe('not-translated marks', () => {
  const notice = 'Az [EN] jelölésű részek még nincsenek lefordítva magyarra, ezek angol nyelvűek.'
  const occurrences = (text: string, part: string) => text.split(part).length - 1

  test('mark exactly the text that falls back, and the notice says so once', async () => {
    const { file } = await render(
      pocketCard('hu', {
        hotlines: [hotline(), hotline({ name: 'Untranslated hotline', fallback: true })],
        indicators: [{ text: 'Translated indicator' }, { fallback: true, text: 'Untranslated indicator' }],
      }),
    )
    const text = textOf(file)
    expect(text).toContain('Untranslated indicator [EN]')
    expect(text).toContain('Untranslated hotline [EN]')
    expect(text).not.toContain('Translated indicator [EN]')
    expect(occurrences(text, '[EN]')).toBe(3)
    expect(occurrences(text, notice)).toBe(1)
  })

  test('in the manual: module titles in the contents and the heading, objectives, whole content', async () => {
    const input = manual('hu')
    input.modules[0] = {
      ...input.modules[0],
      contentFallback: true,
      objectives: [{ fallback: true, text: 'Untranslated objective' }],
      titleFallback: true,
    }
    const { file } = await render(input)
    const pages = poppler('pdftotext', '-layout', file, '-')
      .split('\f')
      .map((page) => page.replace(/\s+/g, ' '))
    expect(pages[0]).toContain(notice)
    expect(pages[1]).toContain(`M1 — Understanding trafficking ${glyphs.hu} [EN]`)
    const modulePage = pages.find((page) => page.includes('Untranslated objective'))!
    expect(modulePage).toContain(`M1 — Understanding trafficking ${glyphs.hu} [EN]`)
    expect(modulePage).toContain('Untranslated objective [EN]')
    expect(occurrences(pages.join(' '), '[EN]')).toBe(5)
  })

  test('no fallback, no mark and no notice', async () => {
    for (const input of [pocketCard('hu'), directory('hu'), manual('hu')]) {
      const text = textOf((await render(input)).file)
      expect(text).not.toContain('[EN]')
      expect(text).not.toContain('Az [EN]')
    }
  })

  test('a print in the source language is never marked, whatever the flags say', async () => {
    const { file } = await render(
      directory('en', { countries: [{ name: 'European Union', code: 'EU', hotlines: [hotline({ fallback: true })] }], titleFallback: true }),
    )
    const text = textOf(file)
    expect(text).not.toContain('[EN]')
    expect(text).not.toContain('Parts marked')
  })

  test('the directory marks an untranslated hotline and its title', async () => {
    const { file } = await render(
      directory('sv', { countries: [{ name: 'EU', code: 'EU', hotlines: [hotline({ fallback: true })] }], titleFallback: true }),
    )
    const text = textOf(file)
    expect(text).toContain(`Hotline directory ${glyphs.sv} [EN]`)
    expect(text).toContain('National Anti-Trafficking Hotline [EN]')
    expect(text).toContain('Delar märkta [EN] är ännu inte översatta till svenska och visas på engelska.')
  })
})

describe('a long manual', () => {
  let rendered: Awaited<ReturnType<typeof render>>
  beforeAll(async () => {
    rendered = await render(bigManual())
  })

  test('renders 40 pages and more, all of them A4', () => {
    expect(rendered.pages).toBeGreaterThanOrEqual(40)
    expect(pageSizes(rendered.file)).toEqual(Array(rendered.pages).fill({ height: 841.89, width: 595.28 }))
  })

  test('its table of contents, over two pages, gives the page on which each heading stands', () => {
    const pages = poppler('pdftotext', '-layout', rendered.file, '-').split('\f')
    // Pages 2 and 3: "title   page" lines; footers end in "N / M" and do not match.
    const entries = [
      ...pages
        .slice(1, 3)
        .join('\n')
        .matchAll(/^\s*(.+?)\s{2,}(\d+)\s*$/gm),
    ].map(([, title, page]) => ({
      page: Number(page),
      title,
    }))
    expect(entries.map(({ title }) => title)).toEqual([
      'Description heading one',
      'Description heading two',
      ...Array.from({ length: 45 }, (_, index) => `M${index + 1} — Module title number ${index + 1}`),
    ])
    expect(pages[2]).toContain('M45 — Module title number 45')
    for (const { page, title } of entries) {
      const line = new RegExp(`^\\s*${title}\\s*$`, 'm')
      expect(pages[page - 1]).toMatch(line)
      expect(pages[page - 2]).not.toMatch(line)
      expect(pages[page - 1]).toContain(`Oldal ${page} / ${rendered.pages}`)
    }
    expect(rendered.pdf.toString('latin1')).toMatch(/\/Outlines \d+ 0 R/)
  })
})

describe('what the longest content may cost', () => {
  /** Counts the event loop's turns while `work` runs: a render in one stretch leaves none. */
  const turnsDuring = async <T>(work: () => Promise<T>) => {
    let turns = 0
    let running = true
    const turn = () => {
      if (running) {
        turns += 1
        setImmediate(turn)
      }
    }
    setImmediate(turn)
    try {
      return { result: await work(), turns }
    } finally {
      running = false
    }
  }

  test('a long manual gives the event loop a turn every few pages', async () => {
    const { result, turns } = await turnsDuring(() => renderPrint(bigManual()))
    expect(result.pages).toBeGreaterThanOrEqual(40)
    // At least one turn per module: 45 modules.
    expect(turns).toBeGreaterThanOrEqual(45)
  })

  test('a manual past maxPages is refused, naming the limit and where it was reached, before it is all laid out', async () => {
    const input = bigManual()
    // Each module repeated 20 times over would be some 900 pages.
    const huge = { ...input, modules: Array.from({ length: 20 }, () => input.modules).flat() }
    await expect(renderPrint(huge, { maxPages: 60 })).rejects.toThrow(
      /^The manual runs past 60 pages \(in M\d+ — Module title number \d+\): split it into several manuals or shorten its modules\.$/,
    )
    await expect(renderPrint(input, { maxPages: 60 })).resolves.toMatchObject({ pages: expect.any(Number) })
  })

  test('a paragraph longer than the layout takes in one stretch is refused, naming the module', async () => {
    const input = manual('en')
    const long = { ...input, modules: [{ ...input.modules[0]!, content: [paragraph('word '.repeat(4_001))] }] }
    await expect(renderPrint(long)).rejects.toThrow(/^A paragraph in M1 — .+ is 20,005 characters long; the manual prints paragraphs of up to 20,000: break it up\.$/)
    const nested = { ...input, modules: [{ ...input.modules[0]!, content: [{ items: [[paragraph('x'.repeat(20_001))]], kind: 'list' as const, ordered: false }] }] }
    await expect(renderPrint(nested)).rejects.toThrow(/is 20,001 characters long/)
  })

  test('a hotline directory past maxPages is refused, naming the country it reached', async () => {
    const many = Array.from({ length: 400 }, (_, index) => hotline({ name: `Line ${index + 1}` }))
    await expect(renderPrint(directory('en', { countries: [{ name: 'Hungary', code: 'HU', hotlines: many }] }), { maxPages: 5 })).rejects.toThrow(
      /^The hotline directory runs past 5 pages \(at Hungary\): print it per country or region instead\.$/,
    )
  })
})

describe('renderPreview', () => {
  test('a PNG of the first page at the asked width', async () => {
    const { pdf } = await renderPrint(pocketCard('hu'))
    const png = await renderPreview(pdf, { widthPx: 300 })
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    expect(png.readUInt32BE(16)).toBe(300)
    // A7 is 105 / 74 as high as it is wide.
    expect(png.readUInt32BE(20)).toBeCloseTo(426, -1)
  })

  test('says what to install when pdftoppm is missing', () => {
    // Jest gives the test its own process.env, which a spawned child does not see: this runs in a Node of its own.
    const script = `import('./plugins/print/render/preview.ts')
      .then(({ renderPreview }) => renderPreview(Buffer.from('%PDF')))
      .catch((error) => console.log(error.message))`
    const env = { ...process.env, PATH: '/nonexistent' }
    const output = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', env })
    expect(output.trim()).toBe('pdftoppm (Debian package poppler-utils) is required for print previews')
  })

  test('says why when the PDF cannot be read', async () => {
    await expect(renderPreview(Buffer.from('not a pdf'))).rejects.toThrow(/pdftoppm could not render the preview/)
  })
})
