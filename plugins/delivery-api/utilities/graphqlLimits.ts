import type { ASTVisitor, FragmentDefinitionNode, SelectionSetNode, ValidationContext, ValidationRule } from 'graphql'

import { GraphQLError, Kind } from 'graphql'

/** Deepest field nesting of a selection set, following fragments (each fragment once per path). */
function depthOf(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  seen: Set<string> = new Set(),
): number {
  if (!selectionSet) {
    return 0
  }
  let deepest = 0
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, fragments, seen) : 1)
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, seen))
    } else {
      const name = selection.name.value
      const fragment = fragments[name]
      if (fragment && !seen.has(name)) {
        deepest = Math.max(deepest, depthOf(fragment.selectionSet, fragments, new Set([...seen, name])))
      }
    }
  }
  return deepest
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
