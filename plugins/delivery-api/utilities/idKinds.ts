import type { Payload } from 'payload'

import type { IdKind } from './queryBounds'

/** The kind of id a collection's documents have on the database in use. */
export function idKindOf(payload: Payload, collection: string): IdKind {
  const custom = payload.collections[collection as keyof typeof payload.collections]?.customIDType
  if (custom) {
    return custom
  }
  if (payload.db.defaultIDType === 'number') {
    return 'number'
  }
  return payload.db.name === 'mongoose' ? 'objectId' : 'text'
}

/**
 * The id kind GraphQL arguments are checked against before execution, when the collection is not
 * yet known: the database's, unless some collection has ids of its own (then anything goes there).
 */
export function defaultIdKindOf(payload: Payload): IdKind {
  return Object.values(payload.collections).some((collection) => collection.customIDType) ? 'text' : idKindOf(payload, '')
}
