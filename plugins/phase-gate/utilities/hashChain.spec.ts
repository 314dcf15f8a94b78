import type { ChainContent, ChainEntry } from './hashChain'

import { canonicalJson, GENESIS_HASH, hashEntry, verifyChain } from './hashChain'

const chain = (count: number): ChainEntry[] => {
  const entries: ChainEntry[] = []
  for (let sequence = 1; sequence <= count; sequence += 1) {
    const content: ChainContent = {
      type: 'vote-cast',
      actor: sequence,
      at: new Date(Date.UTC(2026, 2, sequence)).toISOString(),
      data: { choice: 'approve', nested: { a: 1, b: 2 } },
      gate: 7,
      phase: 3,
      prevHash: entries.at(-1)?.hash ?? GENESIS_HASH,
      round: 11,
      sequence,
    }
    entries.push({ ...content, id: sequence * 10, hash: hashEntry(content) })
  }
  return entries
}

describe('hash chain', () => {
  test('canonical JSON sorts keys at every level and drops undefined', () => {
    // Parsed from text so that the keys really arrive unsorted.
    const unsorted = JSON.parse('{"b":[{"d":1,"a":null}],"a":"x"}') as { b: Array<Record<string, unknown>> }
    unsorted.b[0].c = undefined
    expect(canonicalJson(unsorted)).toBe('{"a":"x","b":[{"a":null,"d":1}]}')
  })

  test('numeric and string ids, Date and ISO text hash alike', () => {
    const [entry] = chain(1)
    expect(hashEntry({ ...entry, actor: '1', at: new Date(entry.at), gate: '7', phase: '3', round: '11' })).toBe(entry.hash)
  })

  test('an intact chain verifies, in any order given', () => {
    expect(verifyChain(chain(4).reverse())).toEqual({ count: 4, valid: true })
    expect(verifyChain([])).toEqual({ count: 0, valid: true })
  })

  test.each<[string, (entries: ChainEntry[]) => ChainEntry[], { id: number; problem: string; sequence: number }]>([
    [
      'an edited entry',
      (e) => e.map((x) => (x.sequence === 2 ? { ...x, data: { choice: 'reject' } } : x)),
      { id: 20, problem: 'content-changed', sequence: 2 },
    ],
    [
      'an entry re-hashed after editing',
      (e) => e.map((x) => (x.sequence === 2 ? { ...x, data: 'forged', hash: hashEntry({ ...x, data: 'forged' }) } : x)),
      { id: 30, problem: 'previous-hash-mismatch', sequence: 3 },
    ],
    ['a deleted entry', (e) => e.filter((x) => x.sequence !== 2), { id: 30, problem: 'entry-missing-before', sequence: 3 }],
    ['a deleted first entry', (e) => e.slice(1), { id: 20, problem: 'entry-missing-before', sequence: 2 }],
    [
      'a changed actor',
      (e) => e.map((x) => (x.sequence === 4 ? { ...x, actor: 99 } : x)),
      { id: 40, problem: 'content-changed', sequence: 4 },
    ],
  ])('%s is found and named', (_, tamper, firstBadEntry) => {
    expect(verifyChain(tamper(chain(4)))).toEqual({ count: expect.any(Number), firstBadEntry, valid: false })
  })
})
