import type { Endpoint } from 'payload'

import type { SearchContract } from '../index'
import type { SearchArgs } from '../types'

/** `GET /api/search?q=…&locale=…&fallbackLocale=…&collections=…&page=…&limit=…`: see README.md beside the plugin. */
export const searchEndpoint = (contract: SearchContract): Endpoint => ({
  handler: async (req) => Response.json(await contract.search(req, (req.query ?? {}) as Record<keyof SearchArgs, unknown>)),
  method: 'get',
  path: '/search',
})
