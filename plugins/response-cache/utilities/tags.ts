/**
 * Tags name what an answer was computed from. Four kinds, so that a write voids the answers it can
 * change and no others:
 * - `d:<collection>:<id>`: the answer read that document by its id (a single document, or a
 *   populated relation, which Payload loads by id);
 * - `l:<collection>`: the answer ran a query over the collection (a list, a count, an access rule's
 *   lookup), whose result a new, changed or deleted document can change;
 * - `c:<collection>`: the answer read the collection in any way;
 * - `g:<global>`: the answer read the global.
 * A write to one document voids its `d:` tag and its collection's `l:` tag; a write by query
 * (bulk update, delete many) voids `c:`, every answer that read the collection.
 */
export const documentTag = (collection: string, id: number | string) => `d:${collection}:${String(id)}`
export const listTag = (collection: string) => `l:${collection}`
export const collectionTag = (collection: string) => `c:${collection}`
export const globalTag = (global: string) => `g:${global}`

type Where = Record<string, unknown>
type Id = number | string

const isId = (value: unknown): value is Id => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))

/** The ids `where[field]` alone limits the query to, or undefined when the condition does not. */
function idsOfCondition(condition: unknown): Id[] | undefined {
  if (!condition || typeof condition !== 'object') {
    return undefined
  }
  const { equals, in: within } = condition as { equals?: unknown; in?: unknown }
  if (isId(equals)) {
    return [equals]
  }
  if (Array.isArray(within) && within.every(isId)) {
    return within
  }
  if (typeof within === 'string') {
    return within.split(',')
  }
  return undefined
}

/**
 * The ids a query can only ever return, when its `where` pins `field` to a finite set at the top
 * level (directly, or in one branch of a top-level `and`); undefined for any other query. Payload
 * loads single documents and populated relations this way.
 */
export function pinnedIds(where: unknown, field = 'id'): Id[] | undefined {
  if (!where || typeof where !== 'object') {
    return undefined
  }
  const direct = idsOfCondition((where as Where)[field])
  if (direct) {
    return direct
  }
  const and = (where as Where).and
  if (Array.isArray(and)) {
    for (const clause of and) {
      const ids = pinnedIds(clause, field)
      if (ids) {
        return ids
      }
    }
  }
  return undefined
}

/** The tags of a read of `collection` with this `where`. */
export function readTags(collection: string, where: unknown, field = 'id'): string[] {
  const ids = pinnedIds(where, field)
  return [collectionTag(collection), ...(ids ? ids.map((id) => documentTag(collection, id)) : [listTag(collection)])]
}

/** The tags a write of one document voids. */
export const documentWriteTags = (collection: string, id: Id): string[] => [documentTag(collection, id), listTag(collection)]
