import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'

import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body is larger than ${limit} bytes.`)
  }
}

/** Reads a (non-upload) body into memory, refusing it as soon as it passes `limit` bytes. */
async function readLimited(req: ExpressRequest, limit: number): Promise<Buffer> {
  const declared = Number(req.get('content-length') ?? 0)
  if (declared > limit) {
    throw new BodyTooLargeError(limit)
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) {
      throw new BodyTooLargeError(limit)
    }
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/**
 * Payload's route handlers speak the Fetch API (Request in, Response out); express speaks Node
 * streams. Uploads (multipart) stream through untouched — Payload enforces their size limit; every
 * other body is read with `maxBodyBytes` as its ceiling.
 */
export async function toWebRequest(req: ExpressRequest, maxBodyBytes: number): Promise<Request> {
  // Aborted when the client goes away before its response is sent: work still waiting for a turn
  // (an XLIFF export in the queue) can then be dropped instead of done for nobody.
  const clientGone = new AbortController()
  req.res?.once('close', () => {
    if (!req.res?.writableFinished) {
      clientGone.abort()
    }
  })
  const signal = clientGone.signal
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) {
      value.forEach((item) => headers.append(name, item))
    } else if (value !== undefined) {
      headers.set(name, value)
    }
  }
  const url = new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`)
  if (req.method === 'GET' || req.method === 'HEAD') {
    return new Request(url, { headers, method: req.method, signal })
  }
  const isUpload = (req.get('content-type') ?? '').startsWith('multipart/')
  const body = isUpload ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : await readLimited(req, maxBodyBytes)
  // `duplex` is required by the Fetch spec whenever the body is a stream.
  return new Request(url, { body, duplex: 'half', headers, method: req.method, signal } as RequestInit)
}

/** Sends a Web Response, or an answer already in memory (`body` a Buffer or null), through express. */
export async function sendWebResponse(response: { body: Buffer | null; headers: Headers; status: number } | Response, res: ExpressResponse): Promise<void> {
  res.status(response.status)
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') {
      res.setHeader(name, value)
    }
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) {
    res.setHeader('set-cookie', cookies)
  }
  if (!response.body) {
    res.end()
    return
  }
  if (Buffer.isBuffer(response.body)) {
    res.end(response.body)
    return
  }
  await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), res)
}
