import type { Endpoint } from 'payload'

import { now } from '@/lib/clock'

import { readableByApiClients } from '../../../plugins/delivery-api'
import { parseFinderQuery } from '../utilities/finderQuery'
import { findHotlines } from '../utilities/findHotlines'

/**
 * `GET /api/hotlines/find`: the hotline finder over REST (docs/api.md, "Hotline finder"). A
 * collection's own endpoints come before Payload's, so `/find` is this and never `/:id`. A read of
 * published hotlines, so API keys with the hotlines scope may call it.
 */
export const findHotlinesEndpoint: Endpoint = readableByApiClients({
  handler: async (req) => Response.json(await findHotlines(req, parseFinderQuery(req.query ?? {}, now()))),
  method: 'get',
  path: '/find',
})
