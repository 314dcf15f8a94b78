import { ERRORS, XLIFF_NAMESPACES, type XliffVersion } from '../constants'
import { buildInline, foldInline, type Inline, mergeText, type TagDefinition, type TagRole } from './inline'
import { childElements, element, firstChild, type Markup, parseXml, textOf, xmlDocument, type XmlElement, type XmlNode } from './xml'

/** One translatable field of one document, ready to write. */
export type ExportUnit = {
  /** Context for the translator. */
  context: { collection: string; field: string; maxLength?: number }
  /** Fingerprint of the source value (translation-workflow's), to detect a source changed since. */
  fingerprint: string
  /** The field path (translation-workflow's `localizedValues` key): the unit id. */
  id: string
  source: Inline[]
  tags: Map<string, TagDefinition>
  target: Inline[]
}

export type ExportFile = { collection: string; documentId: string; units: ExportUnit[] }

export type ExportDocument = { files: ExportFile[]; sourceLanguage: string; targetLanguage: string; version: XliffVersion }

export type ParsedUnit = {
  fingerprint: null | string
  id: string
  source: Inline[]
  /** Null when the unit has no target or a target the file itself marks as untranslated. */
  target: Inline[] | null
}

/** A unit whose inline markup could not be read; reported, never applied. */
export type UnreadableUnit = { id: string; reason: string }

export type ParsedFile = { collection: string; documentId: string; unreadable: UnreadableUnit[]; units: ParsedUnit[] }

export type ParsedXliff = { files: ParsedFile[]; sourceLanguage: string; targetLanguage: string; version: XliffVersion }

export const FINGERPRINT_NOTE = 'source-fingerprint'

const original = (file: { collection: string; documentId: string }) => `${file.collection}/${file.documentId}`

/** XLIFF 2.0 ids are NMTOKENs. */
const nmtoken = (text: string) => text.replace(/[^\w.:-]/g, '_')

const SUBTYPE_OF_FORMAT: Record<number, string> = { 1: 'xlf:b', 2: 'xlf:i', 4: 'xlf:s', 8: 'xlf:u' }
const CTYPE_OF_FORMAT: Record<number, string> = { 1: 'bold', 2: 'italic', 8: 'underlined' }

const inline20 = (content: Inline[], tags: Map<string, TagDefinition>): Array<Markup | string> =>
  foldInline<Markup | string>(content, {
    leaf: (item) => {
      if (typeof item === 'string') {
        return [item]
      }
      switch (tags.get(item.id)?.role) {
        case 'block':
          return [element('ph', { id: item.id, disp: '¶', equiv: '\n' })]
        case 'break':
          return [element('ph', { id: item.id, type: 'fmt', equiv: '\n', subType: 'xlf:lb' })]
        case 'tab':
          return [element('ph', { id: item.id, equiv: '\t' })]
        default:
          return [element('ph', { id: item.id, type: 'other' })]
      }
    },
    paired: (item, children) => {
      const tag = tags.get(item.id)
      return tag?.role === 'link'
        ? [element('pc', { id: item.id, type: 'link' }, children)]
        : [element('pc', { id: item.id, type: 'fmt', subType: SUBTYPE_OF_FORMAT[Number(tag?.node?.format ?? 0)] }, children)]
    },
  })

/** XLIFF 1.2 `ctype` of a placeholder by what it stands for; any other inline node is `x-object`. */
const CTYPE_OF_PLACEHOLDER: Partial<Record<TagRole, string>> = { block: 'x-paragraph', break: 'lb', tab: 'x-tab' }

const inline12 = (content: Inline[], tags: Map<string, TagDefinition>): Array<Markup | string> =>
  foldInline<Markup | string>(content, {
    leaf: (item) => {
      if (typeof item === 'string') {
        return [item]
      }
      const role = tags.get(item.id)?.role
      const ctype = (role && CTYPE_OF_PLACEHOLDER[role]) ?? 'x-object'
      return [element('x', { id: item.id, ctype })]
    },
    paired: (item, children) => {
      const tag = tags.get(item.id)
      const ctype = tag?.role === 'link' ? 'link' : (CTYPE_OF_FORMAT[Number(tag?.node?.format ?? 0)] ?? 'x-format')
      return [element('g', { id: item.id, ctype }, children)]
    },
  })

const contextNotes = (unit: ExportUnit): Array<[string, string]> => [
  ['collection', unit.context.collection],
  ['field', unit.context.field],
  ...(unit.context.maxLength !== undefined ? [['max-length', String(unit.context.maxLength)] as [string, string]] : []),
  [FINGERPRINT_NOTE, unit.fingerprint],
]

const unit20 = (unit: ExportUnit): Markup =>
  element(
    'unit',
    { id: nmtoken(unit.id), name: unit.id },
    element(
      'notes',
      {},
      contextNotes(unit).map(([category, text]) => element('note', { category }, text)),
    ),
    element(
      'segment',
      { state: unit.target.length > 0 ? 'translated' : 'initial' },
      element('source', {}, inline20(unit.source, unit.tags)),
      unit.target.length > 0 && element('target', {}, inline20(unit.target, unit.tags)),
    ),
  )

const unit12 = (unit: ExportUnit): Markup =>
  element(
    'trans-unit',
    {
      id: unit.id,
      maxwidth: unit.context.maxLength,
      resname: unit.id,
      'size-unit': unit.context.maxLength !== undefined ? 'char' : undefined,
      'xml:space': 'preserve',
    },
    element('source', {}, inline12(unit.source, unit.tags)),
    unit.target.length > 0 && element('target', { state: 'translated' }, inline12(unit.target, unit.tags)),
    contextNotes(unit).map(([from, text]) => element('note', { from }, text)),
  )

/** An XLIFF document (2.0 or 1.2): one `<file>` per content document, one unit per translatable field. */
export const buildXliff = (document: ExportDocument): string => {
  if (document.version === '1.2') {
    return xmlDocument(
      element(
        'xliff',
        { version: '1.2', xmlns: XLIFF_NAMESPACES['1.2'] },
        document.files.map((file) =>
          element(
            'file',
            {
              datatype: 'x-payload-cms',
              original: original(file),
              'source-language': document.sourceLanguage,
              'target-language': document.targetLanguage,
            },
            element('body', {}, file.units.map(unit12)),
          ),
        ),
      ),
    )
  }
  return xmlDocument(
    element(
      'xliff',
      {
        srcLang: document.sourceLanguage,
        trgLang: document.targetLanguage,
        version: '2.0',
        'xml:space': 'preserve',
        xmlns: XLIFF_NAMESPACES['2.0'],
      },
      document.files
        .filter((file) => file.units.length > 0)
        .map((file) => element('file', { id: nmtoken(original(file)), original: original(file) }, file.units.map(unit20))),
    ),
  )
}

class InlineUnreadable extends Error {}

/**
 * The inline content of a `<source>` or `<target>`: text, paired and placeholder tags; annotations
 * unwrapped. A walk with its own stack (the parser bounds the depth, this does not rely on it).
 */
const readInline = (node: XmlElement, version: XliffVersion): Inline[] => {
  const paired = version === '2.0' ? 'pc' : 'g'
  const placeholder = version === '2.0' ? 'ph' : 'x'
  return buildInline<XmlNode>(node.children, (child, into) => {
    if (typeof child === 'string') {
      into.push(child)
      return
    }
    const id = child.attributes.id
    if (child.name === 'mrk') {
      return { children: child.children, into }
    }
    if (!id) {
      throw new InlineUnreadable(ERRORS.inlineWithoutId(child.name))
    }
    if (child.name === paired) {
      const tag: Inline = { id, children: [], kind: 'pc' }
      into.push(tag)
      return { children: child.children, into: tag.children }
    }
    if (child.name === placeholder) {
      into.push({ id, kind: 'ph' })
      return
    }
    // sc/ec (2.0) and bpt/ept/bx/ex/it (1.2) are tags split across the text: unpaired by nature.
    throw new InlineUnreadable(ERRORS.unbalancedInline(child.name, id))
  })
}

/**
 * Source and target of a unit. A 2.0 unit a CAT tool split into several segments (and ignorables,
 * the whitespace between them) is joined back; it counts as translated only when every segment is.
 */
const contentOf = (unit: XmlElement, version: XliffVersion): Pick<ParsedUnit, 'source' | 'target'> => {
  const parts = version === '2.0' ? childElements(unit).filter((child) => child.name === 'segment' || child.name === 'ignorable') : [unit]
  const source: Inline[] = []
  let target: Inline[] | null = []
  for (const part of parts) {
    const sourceElement = firstChild(part, 'source')
    const targetElement = firstChild(part, 'target')
    const sourceContent = sourceElement ? readInline(sourceElement, version) : []
    source.push(...sourceContent)
    if (targetElement) {
      target?.push(...readInline(targetElement, version))
    } else if (part.name === 'ignorable') {
      target?.push(...sourceContent)
    } else {
      target = null
    }
  }
  return { source: mergeText(source), target: target && mergeText(target) }
}

const notesOf = (unit: XmlElement, version: XliffVersion): Record<string, string> => {
  const notes = version === '2.0' ? childElements(firstChild(unit, 'notes') ?? unit, 'note') : childElements(unit, 'note')
  return Object.fromEntries(notes.map((note) => [note.attributes[version === '2.0' ? 'category' : 'from'] ?? '', textOf(note)]))
}

const parseOriginal = (value: string | undefined): { collection: string; documentId: string } => {
  const match = /^([^/]+)\/(.+)$/.exec(value ?? '')
  if (!match) {
    throw new XliffRefused(ERRORS.fileWithoutOriginal)
  }
  return { collection: match[1], documentId: match[2] }
}

export class XliffRefused extends Error {}

/** The units of a file, groups (nested as deep as the parser allows) opened in document order. */
const unitsOf = (container: XmlElement, name: string): XmlElement[] => {
  const units: XmlElement[] = []
  const pending = childElements(container).reverse()
  while (pending.length > 0) {
    const child = pending.pop() as XmlElement
    if (child.name === name) {
      units.push(child)
    } else if (child.name === 'group') {
      pending.push(...childElements(child).reverse())
    }
  }
  return units
}

/**
 * Reads an XLIFF 1.2 or 2.0 document safely (see xml.ts). Refuses a file that is not XLIFF or whose
 * files do not name their document; a unit whose inline markup is unusable is listed as unreadable.
 */
export const parseXliff = async (input: string, maxBytes: number): Promise<ParsedXliff> => {
  const root = await parseXml(input, maxBytes)
  const version = root.uri === XLIFF_NAMESPACES['2.0'] ? '2.0' : root.uri === XLIFF_NAMESPACES['1.2'] ? '1.2' : null
  if (root.name !== 'xliff' || !version) {
    throw new XliffRefused(ERRORS.notXliff)
  }
  const fileElements = childElements(root, 'file')
  const sourceLanguage = version === '2.0' ? (root.attributes.srcLang ?? '') : (fileElements[0]?.attributes['source-language'] ?? '')
  const targetLanguages = new Set(
    version === '2.0' ? [root.attributes.trgLang ?? ''] : fileElements.map((file) => file.attributes['target-language'] ?? ''),
  )
  if (targetLanguages.size > 1) {
    throw new XliffRefused(ERRORS.mixedTargetLanguages)
  }
  const files = fileElements.map((file): ParsedFile => {
    const document = parseOriginal(file.attributes.original)
    const container = version === '2.0' ? file : (firstChild(file, 'body') ?? file)
    const units: ParsedUnit[] = []
    const unreadable: UnreadableUnit[] = []
    for (const unit of unitsOf(container, version === '2.0' ? 'unit' : 'trans-unit')) {
      const id = (version === '2.0' ? unit.attributes.name : unit.attributes.resname) ?? unit.attributes.id ?? ''
      try {
        units.push({ id, fingerprint: notesOf(unit, version)[FINGERPRINT_NOTE] ?? null, ...contentOf(unit, version) })
      } catch (error) {
        if (!(error instanceof InlineUnreadable)) {
          throw error
        }
        unreadable.push({ id, reason: error.message })
      }
    }
    return { ...document, units, unreadable }
  })
  return { files, sourceLanguage, targetLanguage: [...targetLanguages][0] ?? '', version }
}
