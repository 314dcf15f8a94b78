import type { PayloadRequest } from 'payload'

import type { EventType } from '../constants'
import type { ResolvedPhaseGateOptions } from '../defaults'
import type { ChainContent } from '../utilities/hashChain'

import { GENESIS_HASH, hashEntry } from '../utilities/hashChain'

type Id = null | number | string | undefined

/**
 * Appends are serialised within the process so that its own requests do not race for the same
 * sequence number. Across processes (several instances on one database) the unique `sequence` is
 * the arbiter: of two appends that read the same last entry, one is refused, and it reads the log
 * again and chains to the entry that won.
 */
let appending: Promise<unknown> = Promise.resolve()

/** Enough for many instances appending at the same instant; more means something else is wrong. */
const MAX_APPEND_ATTEMPTS = 20

type Last = { hash: string; sequence: number } | undefined

async function lastEntry(req: PayloadRequest, options: ResolvedPhaseGateOptions): Promise<Last> {
  const { docs } = await req.payload.find({
    collection: options.slugs.events,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
    sort: '-sequence',
  })
  return docs[0] as unknown as Last
}

/**
 * Adds an entry to the decision log, chained to the previous one. Written with access off: users
 * cannot create entries, only the plugin's own operations record what they did.
 */
export async function appendGateEvent(
  req: PayloadRequest,
  options: ResolvedPhaseGateOptions,
  event: { data?: Record<string, unknown>; gate?: Id; phase?: Id; round?: Id; type: EventType },
): Promise<void> {
  const user = req.user
  const textOf = (id: Id) => (id === undefined || id === null ? null : String(id))
  const attempt = async (last: Last) => {
    const content: ChainContent = {
      type: event.type,
      actor: user ? String(user.id) : null,
      actorName: user ? String((user as unknown as Record<string, unknown>)[options.users.nameField] ?? user.id) : 'system',
      at: new Date().toISOString(),
      data: event.data ?? {},
      gate: textOf(event.gate),
      phase: textOf(event.phase),
      prevHash: last?.hash ?? GENESIS_HASH,
      round: textOf(event.round),
      sequence: (last?.sequence ?? 0) + 1,
    }
    await req.payload.create({
      collection: options.slugs.events,
      data: { ...content, hash: hashEntry(content) } as never,
      overrideAccess: true,
      req,
    })
  }
  const append = async () => {
    for (let tries = 1; ; tries++) {
      const last = await lastEntry(req, options)
      try {
        return await attempt(last)
      } catch (error) {
        // Another process took this sequence number (the unique index refused ours): chain after
        // its entry. Any other failure, or a log that does not move, is an error.
        const now = await lastEntry(req, options)
        if (tries >= MAX_APPEND_ATTEMPTS || (now?.sequence ?? 0) <= (last?.sequence ?? 0)) {
          throw error
        }
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * tries))
      }
    }
  }
  const next = appending.then(append, append)
  appending = next.catch(() => undefined)
  await next
}
