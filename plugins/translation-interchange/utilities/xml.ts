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
 * Parses a document into an element tree. Refuses (with the reason) a document over `maxBytes`, any
 * DOCTYPE, undeclared entities and malformed XML.
 */
export const parseXml = (input: string, maxBytes: number): XmlElement => {
  if (Buffer.byteLength(input, 'utf8') > maxBytes) {
    throw new XmlRefused(`The file is larger than ${maxBytes} bytes.`, 413)
  }
  if (DOCTYPE.test(input)) {
    throw new XmlRefused('The file declares a DOCTYPE; files with a DTD or entity declarations are refused.', 400)
  }
  const parser = new SaxesParser({ position: true, xmlns: true })
  const stack: XmlElement[] = []
  let root: null | XmlElement = null
  let failure: Error | null = null
  parser.on('error', (error) => {
    failure ??= error
  })
  parser.on('doctype', () => {
    failure ??= new Error('DOCTYPE')
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
    parser.write(input).close()
  } catch (error) {
    failure ??= error as Error
  }
  if (failure || !root) {
    throw new XmlRefused(`The file is not well-formed XML: ${(failure as Error | null)?.message ?? 'no root element'}.`, 400)
  }
  return root
}

/** Child elements, optionally only those with a local name. */
export const childElements = (node: XmlElement, name?: string): XmlElement[] =>
  node.children.filter((child): child is XmlElement => typeof child !== 'string' && (name === undefined || child.name === name))

export const firstChild = (node: XmlElement, name: string): undefined | XmlElement => childElements(node, name)[0]

/** All text inside an element, markup ignored. */
export const textOf = (node: XmlNode): string => (typeof node === 'string' ? node : node.children.map(textOf).join(''))
