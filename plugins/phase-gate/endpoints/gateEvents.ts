import type { Endpoint, PayloadRequest } from 'payload'

import type { ResolvedPhaseGateOptions } from '../defaults'
import type { ChainEntry } from '../utilities/hashChain'

import { toCsv } from '../utilities/csv'
import { verifyChain } from '../utilities/hashChain'

type StoredEvent = ChainEntry & { actorName?: string; createdAt?: string }

const EXPORT_COLUMNS = ['sequence', 'at', 'type', 'actor', 'actorName', 'phase', 'gate', 'round', 'data', 'prevHash', 'hash']

const forbidden = () => Response.json({ errors: [{ message: 'The decision log is for the programme staff.' }] }, { status: 403 })

/**
 * The log as `req.user` may read it (`asReader`), or whole for the chain check, which recomputes
 * every hash on the server and answers only with its verdict.
 */
async function allEvents(req: PayloadRequest, options: ResolvedPhaseGateOptions, asReader: boolean): Promise<StoredEvent[]> {
  const { docs } = await req.payload.find({
    collection: options.slugs.events,
    depth: 0,
    overrideAccess: !asReader,
    pagination: false,
    req,
    sort: 'sequence',
  })
  return docs as unknown as StoredEvent[]
}

/** `GET /api/<events>/verify`: recomputes the hash chain and names the first entry that does not hold. */
export const verifyChainEndpoint = (options: ResolvedPhaseGateOptions): Endpoint => ({
  handler: async (req) => (options.isStaff(req.user) ? Response.json(verifyChain(await allEvents(req, options, false))) : forbidden()),
  method: 'get',
  path: '/verify',
})

/**
 * `GET /api/<events>/export?format=csv|json`: the log as the caller may read it. An administrator's
 * export is whole, with its hashes, for reporting to the funder, who can re-verify the chain on
 * their side; other staff get the entries and columns the collection's read access gives them
 * (`access/gateSecrecy.ts`), so the export never shows a vote the API would hide.
 */
export const exportEventsEndpoint = (options: ResolvedPhaseGateOptions): Endpoint => ({
  handler: async (req) => {
    if (!options.isStaff(req.user)) {
      return forbidden()
    }
    const rows = (await allEvents(req, options, true)).map((event) =>
      Object.fromEntries(EXPORT_COLUMNS.map((column) => [column, event[column as keyof StoredEvent] ?? null])),
    )
    const stamp = new Date().toISOString().slice(0, 10)
    if (req.searchParams.get('format') === 'csv') {
      return new Response(toCsv(EXPORT_COLUMNS, rows), {
        headers: { 'content-disposition': `attachment; filename="gate-events-${stamp}.csv"`, 'content-type': 'text/csv; charset=utf-8' },
      })
    }
    return new Response(JSON.stringify({ events: rows }, null, 2), {
      headers: { 'content-disposition': `attachment; filename="gate-events-${stamp}.json"`, 'content-type': 'application/json' },
    })
  },
  method: 'get',
  path: '/export',
})
