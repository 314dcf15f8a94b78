import type { RequestHandler } from 'express'

import { runWithClientAddress } from '../lib/clientAddress'

/** Makes the client's address (after TRUST_PROXY) visible to Payload's hooks; see src/lib/clientAddress.ts. */
export const rememberClientAddress: RequestHandler = (req, _res, next) => {
  runWithClientAddress(req.ip ?? req.socket.remoteAddress ?? 'unknown', next)
}
