type Id = number | string

/** A relationship as stored (an id) or populated (a document). */
export type Relation = null | undefined | Id | { id: Id }

/**
 * The id of a relationship whether it came populated or not, or null when it is empty. It takes any
 * stored value (Payload's `extractID` refuses null), since plugins read documents of collections the
 * generated types do not know.
 */
export const relationId = (value: Relation | unknown): Id | null => {
  if (typeof value === 'string' || typeof value === 'number') {
    return value
  }
  const id = (value as { id?: unknown } | null | undefined)?.id
  return typeof id === 'string' || typeof id === 'number' ? id : null
}
