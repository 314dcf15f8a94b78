import { LRUCache } from 'lru-cache'

import type { CachedAnswer, ResponseCacheStore } from '../types'

type Entry = { answer: CachedAnswer; sequence: number }

/**
 * This process's own store, for a single instance (the embedded default): nothing to install.
 * Answers are bounded by bytes, least recently used first out. Tag stamps are small and kept as
 * long as an answer they void may live (the longest TTL seen), then swept.
 */
export function memoryStore({ maxBytes }: { maxBytes: number }): ResponseCacheStore {
  let sequence = 0
  let longestTtlMs = 0
  const stamps = new Map<string, { at: number; sequence: number }>()
  const answers = new LRUCache<string, Entry>({
    maxSize: maxBytes,
    sizeCalculation: ({ answer }) => Math.max(1, answer.body.byteLength + answer.tags.reduce((sum, tag) => sum + tag.length + 16, 256)),
    ttlAutopurge: false,
  })
  const isValid = (tags: string[], since: number) => tags.every((tag) => (stamps.get(tag)?.sequence ?? 0) <= since)
  let sweptAt = Date.now()
  const sweep = () => {
    const now = Date.now()
    if (now - sweptAt < 60_000) {
      return
    }
    sweptAt = now
    for (const [tag, stamp] of stamps) {
      if (now - stamp.at > longestTtlMs) {
        stamps.delete(tag)
      }
    }
  }

  return {
    async invalidate(tags) {
      sequence += 1
      const at = Date.now()
      for (const tag of tags) {
        stamps.set(tag, { at, sequence })
      }
      sweep()
    },
    async lookup(key) {
      const entry = answers.get(key)
      if (entry && !isValid(entry.answer.tags, entry.sequence)) {
        answers.delete(key)
        return { sequence }
      }
      return { answer: entry?.answer, sequence }
    },
    async stats() {
      return { bytes: answers.calculatedSize, entries: answers.size }
    },
    async store(key, answer, since, ttlMs) {
      if (!isValid(answer.tags, since)) {
        return false
      }
      longestTtlMs = Math.max(longestTtlMs, ttlMs)
      answers.set(key, { answer, sequence: since }, { ttl: ttlMs })
      return answers.has(key)
    },
  }
}
