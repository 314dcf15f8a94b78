/**
 * Bounds on `where` queries and document ids, checked before Payload builds a database query.
 * Pure functions over the parsed query; the hook (boundQueriesBeforeOperation) turns a finding
 * into a 400 or a 404.
 */

export type QueryBounds = {
  /** Deepest `and`/`or` nesting. */
  maxDepth: number
  /** Most conditions (field/operator pairs, and each value of a list operator) in one query. */
  maxConditions: number
  /** Longest `like`/`contains`/`not_like` pattern, and most wildcards (`%`, `_`) in one. */
  maxPatternLength: number
  maxPatternWildcards: number
}

export type IdKind = 'number' | 'objectId' | 'text'

const patternOperators = new Set(['contains', 'like', 'not_like'])
const listOperators = new Set(['all', 'in', 'not_in'])
const idOperators = new Set(['all', 'equals', 'in', 'not_equals', 'not_in'])
const geoOperators = new Set(['intersects', 'near', 'within'])

/**
 * Whether a value sent as an id can be one of this kind: otherwise no document can match it.
 * Only strings and numbers (what a client can send) are judged; anything else comes from Payload
 * itself (an ObjectId instance, null) and is left to it.
 */
export function isIdOfKind(value: unknown, kind: IdKind): boolean {
  if (typeof value === 'number') {
    return kind !== 'objectId' && Number.isSafeInteger(value)
  }
  if (typeof value !== 'string') {
    return true
  }
  if (kind === 'number') {
    return /^-?\d{1,16}$/.test(value) && Number.isSafeInteger(Number(value))
  }
  if (kind === 'objectId') {
    return /^[0-9a-f]{24}$/i.test(value)
  }
  return value.length > 0 && value.length <= 1024
}

const listOf = (value: unknown): unknown[] => {
  if (Array.isArray(value)) {
    return value
  }
  // A comma-separated list, as REST clients often send `in`.
  return typeof value === 'string' ? value.split(',') : [value]
}

/**
 * The first reason `where` exceeds the bounds or asks for an id of the wrong kind, or undefined.
 * Walks iteratively: the query may come from `?where=<JSON>` with any nesting.
 */
export function whereProblem(
  where: unknown,
  bounds: QueryBounds,
  idKind: IdKind,
  /** Whether a top-level field is a point: geo operators on anything else fail inside the database adapter. */
  isPointField: (name: string) => boolean = () => false,
): string | undefined {
  let conditions = 0
  const pending: Array<{ depth: number; node: unknown }> = [{ depth: 0, node: where }]
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { depth, node } = item
    if (node === null || node === undefined) {
      continue
    }
    if (typeof node !== 'object' || Array.isArray(node)) {
      return 'where must be an object of fields and operators.'
    }
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      const lower = key.toLowerCase()
      if (lower === 'and' || lower === 'or') {
        if (depth + 1 > bounds.maxDepth) {
          return `where nests and/or deeper than ${bounds.maxDepth} levels.`
        }
        const branches: unknown[] = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value) : []
        branches.forEach((branch) => pending.push({ depth: depth + 1, node: branch }))
        continue
      }
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        return `where.${key} must be an object of operators.`
      }
      for (const [operator, operand] of Object.entries(value as Record<string, unknown>)) {
        const values = listOperators.has(operator) ? listOf(operand) : [operand]
        conditions += values.length
        if (conditions > bounds.maxConditions) {
          return `where has more than ${bounds.maxConditions} conditions.`
        }
        if (patternOperators.has(operator) && typeof operand === 'string') {
          const wildcards = operand.match(/[%_]/g)?.length ?? 0
          if (operand.length > bounds.maxPatternLength || wildcards > bounds.maxPatternWildcards) {
            return `${operator} patterns may have at most ${bounds.maxPatternLength} characters and ${bounds.maxPatternWildcards} wildcards.`
          }
        }
        if (geoOperators.has(operator) && !key.includes('.') && !isPointField(key)) {
          return `${operator} works on point fields only; ${key} is not one.`
        }
        if (key === 'id' && idOperators.has(operator) && values.some((candidate) => !isIdOfKind(candidate, idKind))) {
          return `where.id.${operator} holds a value that is not a valid id.`
        }
      }
    }
  }
  return undefined
}
