type Id = number | string

/**
 * Returns the chain start → … → start if following prerequisites from `start` leads back to it,
 * else null. `prerequisitesOf` must already reflect the change being saved.
 */
export function findPrerequisiteCycle(start: Id, prerequisitesOf: (id: Id) => readonly Id[]): Id[] | null {
  const visited = new Set<string>()
  const walk = (id: Id, path: Id[]): Id[] | null => {
    for (const next of prerequisitesOf(id)) {
      if (String(next) === String(start)) {
        return [...path, next]
      }
      if (!visited.has(String(next))) {
        visited.add(String(next))
        const found = walk(next, [...path, next])
        if (found) {
          return found
        }
      }
    }
    return null
  }
  return walk(start, [start])
}
