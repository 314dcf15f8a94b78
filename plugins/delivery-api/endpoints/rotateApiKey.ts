import type { Endpoint } from 'payload'

import { APIError, Forbidden } from 'payload'

import type { ResolvedDeliveryApiOptions } from '../types'

/** POST /api/api-clients/:id/rotate — issues a new key (shown once); the old one stops working at once. */
export const rotateApiKeyEndpoint = (options: ResolvedDeliveryApiOptions): Endpoint => ({
  handler: async (req) => {
    if (!options.isAdmin(req.user)) {
      throw new Forbidden(req.t)
    }
    const id = req.routeParams?.id as number | string | undefined
    if (id === undefined) {
      throw new APIError('Missing API client id.', 400)
    }
    const doc = await req.payload.update({
      id,
      collection: options.slugs.apiClients,
      context: { rotateApiKey: true },
      data: {},
      overrideAccess: false,
      req,
      user: req.user,
    })
    return Response.json({ id, apiKey: (doc as { apiKey?: string }).apiKey })
  },
  method: 'post',
  path: '/:id/rotate',
})
