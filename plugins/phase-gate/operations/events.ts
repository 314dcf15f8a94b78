import type { PayloadRequest } from 'payload'

import type { EventType } from '../constants'
import type { ResolvedPhaseGateOptions } from '../defaults'
import type { ChainContent } from '../utilities/hashChain'

import { GENESIS_HASH, hashEntry } from '../utilities/hashChain'

type Id = null | number | string | undefined

/**
 * Appends are serialised within the process so that two requests never read the same last entry;
 * the unique `sequence` makes a fork across processes fail instead of going unnoticed.
 */
let appending: Promise<unknown> = Promise.resolve()

/**
 * Adds an entry to the decision log, chained to the previous one. Written with access off: users
 * cannot create entries, only the plugin's own operations record what they did.
 */
export async function appendGateEvent(
  req: PayloadRequest,
  options: ResolvedPhaseGateOptions,
  event: { data?: Record<string, unknown>; gate?: Id; phase?: Id; round?: Id; type: EventType },
): Promise<void> {
  const append = async () => {
    const { docs } = await req.payload.find({
      collection: options.slugs.events as 'users',
      depth: 0,
      limit: 1,
      overrideAccess: true,
      req,
      sort: '-sequence',
    })
    const last = docs[0] as unknown as { hash: string; sequence: number } | undefined
    const user = req.user
    const content: ChainContent = {
      type: event.type,
      actor: user ? String(user.id) : null,
      actorName: user ? String((user as unknown as Record<string, unknown>)[options.users.nameField] ?? user.id) : 'system',
      at: new Date().toISOString(),
      data: event.data ?? {},
      gate: event.gate === undefined || event.gate === null ? null : String(event.gate),
      phase: event.phase === undefined || event.phase === null ? null : String(event.phase),
      prevHash: last?.hash ?? GENESIS_HASH,
      round: event.round === undefined || event.round === null ? null : String(event.round),
      sequence: (last?.sequence ?? 0) + 1,
    }
    await req.payload.create({
      collection: options.slugs.events as 'users',
      data: { ...content, hash: hashEntry(content) } as never,
      overrideAccess: true,
      req,
    })
  }
  const next = appending.then(append, append)
  appending = next.catch(() => undefined)
  await next
}
