import type { Endpoint } from 'payload'

import { APIError, Forbidden } from 'payload'

import type { ResolvedPrintOptions } from '../types'

import { inTransaction } from '../../shared'
import { markStale } from '../operations/staleness'

/**
 * `POST /api/<editions>/regenerate` with `{ "deliverable": <id> }`: an editor asks for every
 * edition of a deliverable to be rendered again now (after a failed run, or a font or template
 * update), not only those whose content changed.
 */
export const regenerateEndpoint = (options: ResolvedPrintOptions): Endpoint => ({
  handler: async (req) => {
    if (!options.isEditor(req.user)) {
      throw new Forbidden(req.t)
    }
    const body = (await req.json?.().catch(() => null)) as null | {
      deliverable?: unknown
    }
    const id = body?.deliverable
    if (typeof id !== 'string' && typeof id !== 'number') {
      throw new APIError('Send { "deliverable": <id> }.', 400)
    }
    const deliverable = await req.payload.findByID({
      id,
      collection: options.sources.deliverables,
      depth: 0,
      disableErrors: true,
      overrideAccess: false,
      req,
      select: { type: true },
    })
    if (!deliverable) {
      throw new APIError('No such deliverable.', 404)
    }
    if (!options.sources.templates[String((deliverable as { type?: unknown }).type)]) {
      throw new APIError('This deliverable’s type has no print template.', 400)
    }
    await inTransaction(req, () =>
      markStale(req, options, {
        deliverables: [deliverable.id],
        rerender: true,
      }),
    )
    return Response.json(
      {
        message: 'Queued: the worker renders every language of this deliverable again.',
      },
      { status: 202 },
    )
  },
  method: 'post',
  path: '/regenerate',
})
