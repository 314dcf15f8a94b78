import type { RequestHandler } from 'express'

import { randomUUID } from 'node:crypto'

import { runWithRequestId } from '../lib/requestContext'

// A proxy's id is reused so one request can be followed across hops; anything odd is replaced.
const acceptableRequestId = /^[\w.-]{1,128}$/

export const requestIdHeader = 'x-request-id'

/** Gives every request an id, returns it to the client, and makes it visible to every log line. */
export const assignRequestId: RequestHandler = (req, res, next) => {
  const incoming = req.get(requestIdHeader)
  const requestId = incoming && acceptableRequestId.test(incoming) ? incoming : randomUUID()
  res.setHeader(requestIdHeader, requestId)
  runWithRequestId(requestId, next)
}
