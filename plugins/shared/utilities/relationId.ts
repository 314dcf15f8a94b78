type Id = number | string

/** A relationship as stored (an id) or populated (a document). */
export type Relation = null | undefined | Id | { id: Id }

/** The id of a relationship whether it came populated or not (Payload's `extractID` refuses null). */
export const relationId = (value: Relation): Id | null =>
  value === null || value === undefined ? null : typeof value === 'object' ? value.id : value
