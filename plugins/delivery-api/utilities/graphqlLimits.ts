import type { ASTVisitor, FragmentDefinitionNode, SelectionSetNode, ValidationContext, ValidationRule } from 'graphql'

import { GraphQLError, Kind, valueFromASTUntyped } from 'graphql'

import type { IdKind, QueryBounds } from './queryBounds'

import { API_CLIENT_READ } from '../constants'
import { isIdOfKind, whereProblem } from './queryBounds'

/**
 * Deepest field nesting of a selection set, following fragments (each fragment once per path).
 * Iterative: a hostile document nested thousands of levels deep must not exhaust the stack.
 */
function depthOf(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>): number {
  let deepest = 0
  const pending: Array<{ depth: number; seen: ReadonlySet<string>; selectionSet: SelectionSetNode }> = [
    { depth: 0, seen: new Set(), selectionSet },
  ]
  for (let item = pending.pop(); item; item = pending.pop()) {
    for (const selection of item.selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        deepest = Math.max(deepest, item.depth + 1)
        if (selection.selectionSet) {
          pending.push({ depth: item.depth + 1, seen: item.seen, selectionSet: selection.selectionSet })
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        pending.push({ ...item, selectionSet: selection.selectionSet })
      } else {
        const name = selection.name.value
        const fragment = fragments[name]
        if (fragment && !item.seen.has(name)) {
          pending.push({ depth: item.depth, seen: new Set([...item.seen, name]), selectionSet: fragment.selectionSet })
        }
      }
    }
  }
  return deepest
}

/** Names of the fields selected at the root of an operation, through fragments and inline fragments. */
function rootFieldNames(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>): Set<string> {
  const names = new Set<string>()
  const seen = new Set<string>()
  const pending = [selectionSet]
  for (let set = pending.pop(); set; set = pending.pop()) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        names.add(selection.name.value)
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        pending.push(selection.selectionSet)
      } else if (fragments[selection.name.value] && !seen.has(selection.name.value)) {
        seen.add(selection.name.value)
        pending.push(fragments[selection.name.value].selectionSet)
      }
    }
  }
  return names
}

const fragmentsOf = (context: ValidationContext) =>
  Object.fromEntries(
    context
      .getDocument()
      .definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  )

/** Refuses operations nested deeper than `maxDepth` fields: deep relationship chains multiply database work. */
export const depthLimitRule =
  (maxDepth: number): ValidationRule =>
  (context): ASTVisitor => ({
    OperationDefinition(operation) {
      const depth = depthOf(operation.selectionSet, fragmentsOf(context))
      if (depth > maxDepth) {
        context.reportError(new GraphQLError(`Query is ${depth} levels deep; the limit is ${maxDepth}.`, { nodes: [operation] }))
      }
    },
  })

/** Refuses documents with more than `maxAliases` aliases: a thousand aliases are a thousand queries in one request. */
export const aliasLimitRule =
  (maxAliases: number): ValidationRule =>
  (context): ASTVisitor => {
    let aliases = 0
    let reported = false
    return {
      Field(node) {
        if (node.alias) {
          aliases += 1
          if (aliases > maxAliases && !reported) {
            reported = true
            context.reportError(new GraphQLError(`Query uses more than ${maxAliases} aliases.`, { nodes: [node] }))
          }
        }
      },
    }
  }

/** Hides the schema from anonymous and API-key clients in production; they get schema.graphql instead. */
export const introspectionOnlyForStaffRule =
  (isStaffRequest: () => boolean): ValidationRule =>
  (context): ASTVisitor => ({
    Field(node) {
      if ((node.name.value === '__schema' || node.name.value === '__type') && !isStaffRequest()) {
        context.reportError(
          new GraphQLError('Introspection is disabled for public clients; the schema is published as schema.graphql.', { nodes: [node] }),
        )
      }
    },
  })

/**
 * GraphQL field `extensions` of a custom query that reads published content of `collection` (or
 * of several, as a search does): an API key whose scopes include it (one of them) may select it
 * (apiClientReadOnlyRule).
 */
export const apiClientReadExtensions = (collection: readonly string[] | string) => ({ [API_CLIENT_READ]: typeof collection === 'string' ? collection : [...collection] })

/**
 * For an API-key request (`readableRootFields` returns the key's readable root fields; undefined
 * for any other caller; `scopes` the key's scopes): only queries, and only root fields that read
 * the key's scopes. Mutations
 * and everything Payload adds beside reads (versions, `docAccess…`, `me…`, `Access`, locks,
 * preferences, jobs) are refused before anything runs. `__typename` and the introspection fields
 * are left to the other rules.
 */
export const apiClientReadOnlyRule =
  (readableRootFields: () => ReadonlySet<string> | undefined, scopes: () => readonly string[] = () => []): ValidationRule =>
  (context): ASTVisitor => ({
    OperationDefinition(operation) {
      const readable = readableRootFields()
      if (!readable) {
        return
      }
      if (operation.operation !== 'query') {
        context.reportError(new GraphQLError(`An API key may only read: ${operation.operation} is refused.`, { nodes: [operation] }))
        return
      }
      const queryFields = context.getSchema().getQueryType()?.getFields() ?? {}
      // A custom query declares the collection it reads (apiClientReadExtensions); keys of that scope may select it.
      const readsScope = (name: string) => {
        const reads: unknown = queryFields[name]?.extensions?.[API_CLIENT_READ]
        const collections: unknown[] = typeof reads === 'string' ? [reads] : Array.isArray(reads) ? reads : []
        return collections.some((collection) => typeof collection === 'string' && scopes().includes(collection))
      }
      for (const name of rootFieldNames(operation.selectionSet, fragmentsOf(context))) {
        if (!name.startsWith('__') && !readable.has(name) && !readsScope(name)) {
          context.reportError(new GraphQLError(`An API key may not query ${name}: it is outside the key's scopes.`, { nodes: [operation] }))
        }
      }
    },
  })

/**
 * Refuses `pagination: false` (or a variable holding anything but `true`) for public clients: it
 * lifts the page limit and returns every document in one response. Staff keep it.
 */
export const paginationOnlyForStaffRule =
  (isStaffRequest: () => boolean, variableValues: Record<string, unknown> | null | undefined): ValidationRule =>
  (context): ASTVisitor => ({
    Argument(node) {
      if (node.name.value !== 'pagination' || isStaffRequest()) {
        return
      }
      const value = node.value.kind === Kind.VARIABLE ? variableValues?.[node.value.name.value] : node.value.kind === Kind.BOOLEAN ? node.value.value : node.value
      if (value !== true) {
        context.reportError(new GraphQLError('pagination: false is for staff only; public clients page with limit and page.', { nodes: [node] }))
      }
    },
  })

/**
 * The root query fields that read a collection or global, named as @payloadcms/graphql names them
 * (`Hotline`, `Hotlines`, `countHotlines`; `Programme` for a global): `singularName`/`pluralName`
 * from the config, else derived from the slug, and `all…` when singular and plural coincide.
 */
export function readRootFieldNames(
  names: { graphQL?: false | { pluralName?: string; singularName?: string } | { name?: string }; kind: 'collection' | 'global'; slug: string },
  formatNames: (slug: string) => { plural: string; singular: string },
  toWords: (value: string, joinWords: boolean) => string,
): string[] {
  if (names.graphQL === false) {
    return []
  }
  const graphQL = (names.graphQL ?? {}) as { name?: string; pluralName?: string; singularName?: string }
  const fromSlug = formatNames(names.slug)
  if (names.kind === 'global') {
    return [graphQL.name ?? fromSlug.singular]
  }
  const singular = graphQL.singularName ? toWords(graphQL.singularName, true) : fromSlug.singular
  let plural = graphQL.pluralName ? toWords(graphQL.pluralName, true) : fromSlug.plural
  if (singular === plural) {
    plural = `all${singular}`
  }
  return [singular, plural, `count${plural}`]
}

/**
 * Applies the `where` bounds and the id kind while validating, to literals and variables alike, so
 * such a request is a 400 before anything runs (a refusal inside a resolver would be a 200 with
 * `errors`, and Payload logs resolver errors at error level). Geo fields depend on the collection
 * and are checked by boundQueriesBeforeOperation.
 */
export const whereBoundsRule =
  (bounds: QueryBounds, idKind: () => IdKind, variableValues: Record<string, unknown> | null | undefined): ValidationRule =>
  (context): ASTVisitor => ({
    Argument(node) {
      if (node.name.value === 'id') {
        const id = valueFromASTUntyped(node.value, variableValues ?? undefined)
        if (!isIdOfKind(id, idKind())) {
          context.reportError(new GraphQLError('id is not a valid id.', { nodes: [node] }))
        }
        return
      }
      if (node.name.value !== 'where') {
        return
      }
      const where = valueFromASTUntyped(node.value, variableValues ?? undefined)
      const problem = whereProblem(where, bounds, idKind(), () => true)
      if (problem) {
        context.reportError(new GraphQLError(problem, { nodes: [node] }))
      }
    },
  })
