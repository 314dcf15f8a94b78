import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { validateXML } from 'xmllint-wasm'

import type { AuthMode, TestHost } from '../helpers/host'

const SCHEMAS = path.resolve('test/fixtures/xliff/schemas')
const SCHEMA_FILES = ['xml.xsd', 'xliff_core_2.0.xsd', 'xliff-core-1.2-strict.xsd'] as const

/** Validates a document against one of the vendored OASIS schemas (see test/fixtures/xliff/schemas/README.md). */
export const validateAgainst = async (xml: string, schema: 'xliff-core-1.2-strict.xsd' | 'xliff_core_2.0.xsd') => {
  const files = await Promise.all(
    SCHEMA_FILES.map(async (fileName) => ({ contents: await readFile(path.join(SCHEMAS, fileName), 'utf8'), fileName })),
  )
  const main = files.find((file) => file.fileName === schema) as { contents: string; fileName: string }
  return validateXML({ preload: files.filter((file) => file !== main), schema: main, xml: { contents: xml, fileName: 'document.xlf' } })
}

export type UnitReport = {
  document: string
  findings?: Array<{ check: string; level: string; text: string }>
  message?: string
  problem?: string
  status: string
  unit: string
}
export type ImportResult = {
  applied?: number
  errors?: Array<{ message: string }>
  keptInProgress?: Array<{ document: string; message: string }>
  message?: string
  units?: UnitReport[]
}

export const exportXliff = async (testHost: TestHost, auth: AuthMode, query: string) => {
  const response = await testHost.client.request('GET', `/api/translation-interchange/export?${query}`, { auth })
  return { type: response.headers.get('content-type'), headers: response.headers, status: response.status, text: await response.text() }
}

export const importXliff = (testHost: TestHost, auth: AuthMode, locale: string, xml: string) =>
  testHost.client.json<ImportResult>('POST', `/api/translation-interchange/import?locale=${locale}`, {
    auth,
    body: xml,
    headers: { 'content-type': 'application/xliff+xml' },
  })

/**
 * What a translator's CAT tool does: a target after every source, its text translated by `translate`
 * and its inline tags kept where they were.
 */
export const translateAll = (xml: string, translate: (text: string) => string): string =>
  xml.replace(/<source>([\s\S]*?)<\/source>/g, (whole, inner: string) => {
    const translated = inner.replace(/(^|>)([^<]+)/g, (_, before: string, text: string) => before + translate(text))
    return `${whole}<target>${translated}</target>`
  })
