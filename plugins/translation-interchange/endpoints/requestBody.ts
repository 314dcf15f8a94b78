import type { PayloadRequest } from 'payload'

import { addDataAndFileToRequest } from 'payload'

import { ERRORS } from '../constants'
import { decodeXml, XmlRefused } from '../utilities/xml'

/**
 * The uploaded file as text: a multipart form's `file` field (the admin's upload) or the raw body
 * (curl, scripts). The raw body is read no further than the size limit; the text must be UTF-8
 * (`decodeXml`).
 */
export const readUploadedText = async (req: PayloadRequest, maxBytes: number): Promise<string> => {
  const contentType = req.headers.get('content-type') ?? ''
  if (contentType.includes('multipart/')) {
    await addDataAndFileToRequest(req)
    const file = req.file
    if (!file) {
      throw new XmlRefused(ERRORS.noFile, 400)
    }
    if (file.data.byteLength > maxBytes) {
      throw new XmlRefused(`The file is larger than ${maxBytes} bytes.`, 413)
    }
    return decodeXml(file.data)
  }
  const body = req.body as null | ReadableStream<Uint8Array> | undefined
  if (!body) {
    throw new XmlRefused(ERRORS.noFile, 400)
  }
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) {
      break
    }
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      throw new XmlRefused(`The file is larger than ${maxBytes} bytes.`, 413)
    }
    chunks.push(value)
  }
  if (size === 0) {
    throw new XmlRefused(ERRORS.noFile, 400)
  }
  return decodeXml(Buffer.concat(chunks))
}
