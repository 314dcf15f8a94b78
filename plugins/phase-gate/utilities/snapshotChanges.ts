type Item = { collection: string; fingerprints: Record<string, string>; id: number | string }

export type SnapshotChanges = {
  added: Array<{ collection: string; id: string }>
  changed: Array<{ collection: string; id: string; locales: string[] }>
  removed: Array<{ collection: string; id: string }>
}

const keyOf = ({ id, collection }: Item) => `${collection}\u0000${String(id)}`

/**
 * What a round reviews that the previous round did not: documents added to or removed from the
 * phase, and documents whose content changed, with the locales that changed.
 */
export const snapshotChanges = (previous: Item[], current: Item[]): SnapshotChanges => {
  const before = new Map(previous.map((item) => [keyOf(item), item]))
  const after = new Map(current.map((item) => [keyOf(item), item]))
  const ref = ({ id, collection }: Item) => ({ id: String(id), collection })
  return {
    added: current.filter((item) => !before.has(keyOf(item))).map(ref),
    changed: current.flatMap((item) => {
      const old = before.get(keyOf(item))
      const locales = old ? Object.keys(item.fingerprints).filter((locale) => item.fingerprints[locale] !== old.fingerprints[locale]) : []
      return locales.length ? [{ ...ref(item), locales }] : []
    }),
    removed: previous.filter((item) => !after.has(keyOf(item))).map(ref),
  }
}
