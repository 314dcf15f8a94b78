import { SaxesParser } from 'saxes'

/**
 * The XML this plugin reads and writes: a small element tree, an escaping writer and a parser that
 * never processes a DTD. XLIFF and TMX need none, and a DTD is how XXE and "billion laughs"
 * attacks arrive, so any `<!DOCTYPE` is refused before parsing; saxes itself resolves no external
 * entity and expands no entity it was not told about (only the five XML ones and character references).
 */

export type XmlNode = string | XmlElement

export type XmlElement = {
  attributes: Record<string, string>
  children: XmlNode[]
  /** Local name, without prefix. */
  name: string
  /** Namespace URI ('' when none). */
  uri: string
}

export class XmlRefused extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413,
  ) {
    super(message)
  }
}

/** Characters XML 1.0 cannot carry at all; dropped rather than producing a file no tool opens. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

export const escapeText = (text: string): string =>
  text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

export const escapeAttribute = (text: string): string =>
  escapeText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;')

/** Markup already escaped, as the writer produces it. */
export type Markup = { xml: string }

export const raw = (xml: string): Markup => ({ xml })

type Child = false | Markup | null | string | undefined

/** One element as markup; attributes whose value is undefined are left out, text children escaped. */
export const element = (
  name: string,
  attributes: Record<string, number | string | undefined>,
  ...children: Array<Child | Child[]>
): Markup => {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, number | string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`)
    .join('')
  const content = children
    .flat()
    .map((child) => (typeof child === 'string' ? escapeText(child) : child ? child.xml : ''))
    .join('')
  return raw(content === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${content}</${name}>`)
}

export const xmlDocument = (root: Markup): string => `<?xml version="1.0" encoding="UTF-8"?>\n${root.xml}\n`

const DOCTYPE = /<!DOCTYPE/i

/**
 * What a document may hold. saxes resolves namespaces by walking the open-tag stack, so with
 * `xmlns: true` its cost grows with the square of the nesting depth (16,000 nested `<pc>`, 256 KB,
 * took 3 s; 200,000 levels ran for minutes): the depth is counted as each tag opens and the parse
 * stops at the first one too deep, before saxes spends anything on the rest. XLIFF's own structure
 * is six levels (xliff, file, group, unit, segment, target) and this CMS's rich text exports at most
 * two levels of inline tags (a link around a formatted run); 32 leaves CAT tools room for groups and
 * annotations. The other limits keep one tag, or the whole tree, from costing more than the file's
 * size suggests: no XLIFF or TMX element has more than a dozen attributes or a name longer than 30.
 */
export const XML_LIMITS = {
  maxAttributes: 64,
  /** In the whole file: a full export part has about 80,000. Attributes are what saxes reads slowest. */
  maxAttributesInFile: 250_000,
  maxDepth: 32,
  /**
   * A full export part (1,000 documents, about 1.7 MB) holds about 60,000 elements; saxes reads
   * about 300,000 a second, so this also bounds the parse to a fraction of a second.
   */
  maxElements: 100_000,
  maxNameLength: 256,
} as const

/**
 * The parser gets the text 4 K characters at a time and gives the event loop a round whenever it
 * has worked for 4 ms. Answering another request takes several rounds, so the slice is kept short
 * (16 K chunks, each followed by a round, let /healthz wait over a second on a busy machine while
 * 100,000 elements were read); chunks that cost nothing (the middle of a long comment) share a round.
 */
const CHUNK_CHARACTERS = 4 * 1024
const SLICE_MS = 4

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/** The Unicode byte-order marks of encodings other than UTF-8. */
const FOREIGN_BOMS: Array<[string, number[]]> = [
  ['UTF-32', [0x00, 0x00, 0xfe, 0xff]],
  ['UTF-32', [0xff, 0xfe, 0x00, 0x00]],
  ['UTF-16', [0xfe, 0xff]],
  ['UTF-16', [0xff, 0xfe]],
]
const DECLARED_ENCODING = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']*)["']/
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/**
 * The bytes of an uploaded document as text. Only UTF-8 is read (what every XLIFF and TMX tool
 * writes, and XML's default): a UTF-16 or UTF-32 file, a byte sequence that is not UTF-8 and a
 * declaration naming another encoding are refused rather than decoded by guess, since a decoder
 * that guesses is how text a check passed turns into different text in the database.
 */
export const decodeXml = (bytes: Uint8Array): string => {
  for (const [encoding, mark] of FOREIGN_BOMS) {
    if (mark.every((byte, index) => bytes[index] === byte)) {
      throw new XmlRefused(`The file is ${encoding}; save it as UTF-8.`, 400)
    }
  }
  // UTF-16 without a byte-order mark: the "<" of the first tag is followed or preceded by a zero byte.
  if ((bytes[0] === 0x3c && bytes[1] === 0x00) || (bytes[0] === 0x00 && bytes[1] === 0x3c)) {
    throw new XmlRefused('The file is UTF-16; save it as UTF-8.', 400)
  }
  let text: string
  try {
    // The decoder drops a UTF-8 byte-order mark.
    text = strictUtf8.decode(bytes)
  } catch {
    throw new XmlRefused('The file is not valid UTF-8; save it as UTF-8.', 400)
  }
  const declared = DECLARED_ENCODING.exec(text.slice(0, 200))?.[1]
  if (declared !== undefined && !/^utf-?8$/i.test(declared)) {
    throw new XmlRefused(`The file declares the encoding "${declared}"; only UTF-8 is read.`, 400)
  }
  return text
}

/**
 * An upper bound on the elements of a document, in one scan of a few milliseconds: every `<`
 * followed by a name character (markup-looking text inside comments or CDATA counts too, which no
 * XLIFF file has in such numbers). Spares the parser the one limit it would only reach at the end.
 */
const startTagsIn = (input: string): number => {
  let count = 0
  for (let index = input.indexOf('<'); index !== -1; index = input.indexOf('<', index + 1)) {
    const next = input.charCodeAt(index + 1)
    // Not "/" (a closing tag), "!" (comment, CDATA) or "?" (processing instruction).
    if (next !== 0x2f && next !== 0x21 && next !== 0x3f) {
      count += 1
    }
  }
  return count
}

/**
 * Parses a document into an element tree. Refuses (with the reason and, where the parser knows it,
 * the line) a document over `maxBytes`, any DOCTYPE, undeclared entities, malformed XML and
 * anything over `XML_LIMITS`. The text is fed in chunks with turns of the event loop between them,
 * so even the largest file allowed never holds the server for more than a few milliseconds at once.
 */
export const parseXml = async (input: string, maxBytes: number): Promise<XmlElement> => {
  if (Buffer.byteLength(input, 'utf8') > maxBytes) {
    throw new XmlRefused(`The file is larger than ${maxBytes} bytes.`, 413)
  }
  if (DOCTYPE.test(input)) {
    throw new XmlRefused('The file declares a DOCTYPE; files with a DTD or entity declarations are refused.', 400)
  }
  if (startTagsIn(input) > XML_LIMITS.maxElements) {
    throw new XmlRefused(`The file has more than ${XML_LIMITS.maxElements} elements.`, 400)
  }
  const parser = new SaxesParser({ position: true, xmlns: true })
  const stack: XmlElement[] = []
  let root: null | XmlElement = null
  let failure: Error | null = null
  let elements = 0
  let attributeCount = 0
  let attributesInFile = 0
  /** Stops the parse: thrown out of a handler, it leaves `parser.write` at once. */
  const refuse = (reason: string): never => {
    failure ??= new XmlRefused(`Line ${parser.line}: ${reason}`, 400)
    throw failure
  }
  parser.on('error', (error) => {
    failure ??= error
  })
  parser.on('doctype', () => {
    failure ??= new Error('DOCTYPE')
  })
  parser.on('opentagstart', (tag) => {
    elements += 1
    attributeCount = 0
    if (stack.length >= XML_LIMITS.maxDepth) {
      refuse(`elements are nested more than ${XML_LIMITS.maxDepth} deep (<${tag.name}>).`)
    }
    if (elements > XML_LIMITS.maxElements) {
      refuse(`the file has more than ${XML_LIMITS.maxElements} elements.`)
    }
    if (tag.name.length > XML_LIMITS.maxNameLength) {
      refuse(`an element name is longer than ${XML_LIMITS.maxNameLength} characters.`)
    }
  })
  parser.on('attribute', (attribute) => {
    attributeCount += 1
    attributesInFile += 1
    if (attributesInFile > XML_LIMITS.maxAttributesInFile) {
      refuse(`the file has more than ${XML_LIMITS.maxAttributesInFile} attributes.`)
    }
    if (attributeCount > XML_LIMITS.maxAttributes) {
      refuse(`an element has more than ${XML_LIMITS.maxAttributes} attributes.`)
    }
    if (attribute.name.length > XML_LIMITS.maxNameLength) {
      refuse(`an attribute name is longer than ${XML_LIMITS.maxNameLength} characters.`)
    }
  })
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {}
    for (const attribute of Object.values(tag.attributes)) {
      const key =
        attribute.prefix === 'xml'
          ? `xml:${attribute.local}`
          : attribute.uri === ''
            ? attribute.local
            : `{${attribute.uri}}${attribute.local}`
      if (attribute.prefix !== 'xmlns' && attribute.name !== 'xmlns') {
        attributes[key] = attribute.value
      }
    }
    const node: XmlElement = { name: tag.local, attributes, children: [], uri: tag.uri }
    const parent = stack.at(-1)
    if (parent) {
      parent.children.push(node)
    } else {
      root = node
    }
    // A self-closing tag gets its closetag event at once.
    stack.push(node)
  })
  const appendText = (text: string) => {
    const parent = stack.at(-1)
    if (!parent) {
      return
    }
    const last = parent.children.at(-1)
    if (typeof last === 'string') {
      parent.children[parent.children.length - 1] = last + text
    } else {
      parent.children.push(text)
    }
  }
  parser.on('text', appendText)
  parser.on('cdata', appendText)
  parser.on('closetag', () => {
    stack.pop()
  })
  try {
    let sliceStarted = performance.now()
    for (let offset = 0; offset < input.length && !(failure as Error | null); offset += CHUNK_CHARACTERS) {
      if (performance.now() - sliceStarted > SLICE_MS) {
        await yieldToEventLoop()
        sliceStarted = performance.now()
      }
      parser.write(input.slice(offset, offset + CHUNK_CHARACTERS))
    }
    if (!(failure as Error | null)) {
      parser.close()
    }
  } catch (error) {
    failure ??= error as Error
  }
  // The handlers assign these; TypeScript's narrowing does not see through them.
  const stopped = failure as Error | null
  if (stopped instanceof XmlRefused) {
    throw stopped
  }
  if (stopped || !root) {
    throw new XmlRefused(`The file is not well-formed XML: ${stopped?.message ?? 'no root element'}.`, 400)
  }
  return root as XmlElement
}

/** Child elements, optionally only those with a local name. */
export const childElements = (node: XmlElement, name?: string): XmlElement[] =>
  node.children.filter((child): child is XmlElement => typeof child !== 'string' && (name === undefined || child.name === name))

export const firstChild = (node: XmlElement, name: string): undefined | XmlElement => childElements(node, name)[0]

/**
 * All text inside an element, markup ignored, optionally skipping the content of elements `skip`
 * accepts. A walk with its own stack: the depth of a tree is the sender's to choose.
 */
export const textOf = (node: XmlNode, skip: (element: XmlElement) => boolean = () => false): string => {
  const parts: string[] = []
  const pending: XmlNode[] = [node]
  while (pending.length > 0) {
    const next = pending.pop() as XmlNode
    if (typeof next === 'string') {
      parts.push(next)
    } else if (!skip(next)) {
      // Reversed onto the stack, so children come off it in document order.
      for (let index = next.children.length - 1; index >= 0; index -= 1) {
        pending.push(next.children[index])
      }
    }
  }
  return parts.join('')
}
