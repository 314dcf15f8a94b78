import { createHash } from 'node:crypto'

/** The `prevHash` of the first entry: nothing came before it. */
export const GENESIS_HASH = '0'.repeat(64)

/** What an entry's hash covers: everything it says, and the hash of the entry before it. */
export type ChainContent = {
  actor: null | number | string
  /** The actor's name when the entry was written, so the log reads without the users table. */
  actorName?: null | string
  at: Date | string
  data: unknown
  gate: null | number | string
  phase: null | number | string
  prevHash: string
  round: null | number | string
  sequence: number
  type: string
}

export type ChainEntry = ChainContent & { hash: string; id: number | string }

export type ChainProblem = 'content-changed' | 'entry-missing-before' | 'previous-hash-mismatch'

export type ChainVerdict =
  | { count: number; valid: true }
  | { count: number; firstBadEntry: { id: number | string; problem: ChainProblem; sequence: number }; valid: false }

/** JSON with object keys sorted at every level, so the same content always gives the same text. */
export const canonicalJson = (value: unknown): string => {
  if (value === undefined || value === null) {
    return 'null'
  }
  if (value instanceof Date) {
    return JSON.stringify(value.toISOString())
  }
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

const idText = (id: null | number | string) => (id === null || id === undefined ? null : String(id))

/**
 * SHA-256 of an entry's content. Ids are hashed as text so that an entry verifies the same on
 * SQLite (numeric ids) and MongoDB (string ids), and dates as ISO text whatever the adapter returns.
 */
export const hashEntry = (entry: ChainContent): string =>
  createHash('sha256')
    .update(
      canonicalJson({
        type: entry.type,
        actor: idText(entry.actor),
        actorName: entry.actorName ?? null,
        at: new Date(entry.at).toISOString(),
        data: entry.data ?? null,
        gate: idText(entry.gate),
        phase: idText(entry.phase),
        prevHash: entry.prevHash,
        round: idText(entry.round),
        sequence: entry.sequence,
      }),
    )
    .digest('hex')

/**
 * Walks the log in sequence order and names the first entry that does not hold: its content no
 * longer matches its hash (edited), its `prevHash` is not the previous entry's hash (the previous
 * entry was edited or replaced), or its sequence skips a number (an entry was deleted before it).
 */
export const verifyChain = (entries: ChainEntry[]): ChainVerdict => {
  const ordered = [...entries].sort((a, b) => a.sequence - b.sequence)
  let previousHash = GENESIS_HASH
  let expectedSequence = 1
  for (const entry of ordered) {
    const bad = (problem: ChainProblem): ChainVerdict => ({
      count: ordered.length,
      firstBadEntry: { id: entry.id, problem, sequence: entry.sequence },
      valid: false,
    })
    if (entry.sequence !== expectedSequence) {
      return bad('entry-missing-before')
    }
    if (hashEntry(entry) !== entry.hash) {
      return bad('content-changed')
    }
    if (entry.prevHash !== previousHash) {
      return bad('previous-hash-mismatch')
    }
    previousHash = entry.hash
    expectedSequence += 1
  }
  return { count: ordered.length, valid: true }
}
