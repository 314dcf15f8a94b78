/**
 * Checks a buffered API request body before Payload sees it. Payload parses JSON bodies with
 * `JSON.parse` and then walks and copies the data recursively, merging it into documents: a body
 * nested thousands of levels deep can exhaust the stack, and `__proto__`/`constructor`/`prototype`
 * keys are how prototype pollution reaches a merge. None of them has a use in this API, so they are
 * refused outright rather than sanitised.
 */

import { type DocumentNode, Kind, parse, visit } from 'graphql'

export type BodyProblem = { message: string; status: 400 | 415 }

/**
 * Deepest nesting any legitimate document or GraphQL variables need, with room to spare: rich text
 * may be 32 Lexical levels deep (src/lib/richTextSafety.ts), two JSON levels each, inside the
 * document's own fields. The same bound as the rich-text safety plugin's check of every write.
 */
export const maxJsonDepth = 100

/**
 * Most tokens in one GraphQL document. graphql-js validation (overlapping-fields merging) is
 * quadratic in repeated fields, and the parser recursive, so size is bounded before Payload parses:
 * the depth, alias and complexity limits leave legitimate queries a few hundred tokens long.
 */
export const maxGraphQLTokens = 1500

/** Most values (scalars, list items, object fields) in one request's GraphQL variables: coercing them is linear but not free. */
export const maxGraphQLVariableValues = 1000

/** How many values a parsed JSON value holds, counted iteratively and abandoned past `limit`. */
function countValues(value: unknown, limit: number): number {
  let count = 0
  const pending: unknown[] = [value]
  while (pending.length && count <= limit) {
    const next = pending.pop()
    count += 1
    if (next && typeof next === 'object') {
      // One by one: spreading a 300,000-item array into push() overflows the stack.
      for (const item of Array.isArray(next) ? next : Object.values(next)) {
        pending.push(item)
      }
    }
  }
  return count
}

function firstForbiddenKey(value: unknown): string | undefined {
  const pending: unknown[] = [value]
  while (pending.length) {
    const next = pending.pop()
    if (next && typeof next === 'object') {
      if (Array.isArray(next)) {
        for (const item of next) {
          pending.push(item)
        }
        continue
      }
      for (const key of Object.keys(next)) {
        if (forbiddenKeys.has(key)) {
          return key
        }
        pending.push((next as Record<string, unknown>)[key])
      }
    }
  }
  return undefined
}

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype'])
// XML goes to the translation interchange's XLIFF and TMX imports, which parse it under their own
// limits (plugins/translation-interchange/utilities/xml.ts).
const xmlTypes = ['application/xliff+xml', 'application/x-xliff+xml', 'application/x-tmx+xml', 'application/xml', 'text/xml']
const acceptedTypes = ['application/json', 'multipart/form-data', 'application/x-www-form-urlencoded', ...xmlTypes]

/** Nesting depth of JSON text, counted without parsing (strings skipped): linear, no recursion. */
export function jsonDepth(text: string): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index)
    if (inString) {
      if (char === 0x5c) {
        index += 1
      } else if (char === 0x22) {
        inString = false
      }
    } else if (char === 0x22) {
      inString = true
    } else if (char === 0x7b || char === 0x5b) {
      depth += 1
      deepest = Math.max(deepest, depth)
    } else if (char === 0x7d || char === 0x5d) {
      depth -= 1
    }
  }
  return deepest
}

/**
 * The reason to refuse a body, or undefined. Uploads (multipart) are Payload's to check; the
 * admin UI's long reads come as urlencoded bodies (`X-Payload-HTTP-Method-Override: GET`).
 */
export function jsonBodyProblem(contentType: string | undefined, body: Uint8Array): BodyProblem | undefined {
  if (body.length === 0) {
    return undefined
  }
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  if (!acceptedTypes.includes(mediaType)) {
    return { message: `Content-Type must be one of ${acceptedTypes.join(', ')}.`, status: 415 }
  }
  if (mediaType !== 'application/json') {
    return undefined
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch {
    return { message: 'The request body is not valid UTF-8.', status: 400 }
  }
  if (jsonDepth(text) > maxJsonDepth) {
    return { message: `The JSON body nests deeper than ${maxJsonDepth} levels.`, status: 400 }
  }
  // Payload parses the body itself; parsing and walking it here too doubled the cost of a large
  // body (a 1 MiB body of 300,000 objects held the event loop about half a second), so only a body
  // that names a forbidden key somewhere is parsed to find out whether it is a key. Invalid JSON is
  // Payload's to answer (400).
  if (![...forbiddenKeys].some((key) => text.includes(key))) {
    return undefined
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { message: 'The request body is not valid JSON.', status: 400 }
  }
  // JSON.parse makes `__proto__` an own key, so a walk over own keys sees it.
  const forbidden = firstForbiddenKey(parsed)
  return forbidden ? { message: `The JSON body may not contain the key "${forbidden}".`, status: 400 } : undefined
}

/**
 * For a GraphQL POST: the body must be one operation (no batch arrays) whose document parses
 * within maxGraphQLTokens. Runs after jsonBodyProblem, so the body is known to be sane JSON.
 */
export function graphqlBodyProblem(contentType: string | undefined, body: Uint8Array): BodyProblem | undefined {
  if ((contentType ?? '').split(';')[0]!.trim().toLowerCase() !== 'application/json') {
    return { message: 'GraphQL requests are application/json.', status: 415 }
  }
  const parsed = JSON.parse(new TextDecoder().decode(body)) as unknown
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { message: 'A GraphQL request is one JSON object with a query; batches are not accepted.', status: 400 }
  }
  const { query, variables } = parsed as { query?: unknown; variables?: unknown }
  if (typeof query !== 'string') {
    return { message: 'A GraphQL request needs a query string.', status: 400 }
  }
  if (countValues(variables, maxGraphQLVariableValues) > maxGraphQLVariableValues) {
    return { message: `GraphQL variables may hold at most ${maxGraphQLVariableValues} values.`, status: 400 }
  }
  let document: DocumentNode
  try {
    document = parse(query, { maxTokens: maxGraphQLTokens })
  } catch (error) {
    return { message: (error as Error).message, status: 400 }
  }
  const cycle = fragmentCycle(document)
  return cycle ? { message: `Fragment ${cycle} spreads itself: fragment cycles are refused.`, status: 400 } : undefined
}

/**
 * The name of a fragment that reaches itself through spreads, if any. graphql-js reports cycles as
 * a validation error, but its other rules (and Payload's complexity rule) walk fragments at the
 * same time and recurse forever on one; so a cyclic document never gets that far.
 */
export function fragmentCycle(document: DocumentNode): string | undefined {
  const spreads = new Map<string, string[]>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      const names: string[] = []
      visit(definition.selectionSet, { FragmentSpread: (node) => void names.push(node.name.value) })
      spreads.set(definition.name.value, names)
    }
  }
  for (const start of spreads.keys()) {
    const seen = new Set<string>()
    const pending = [...(spreads.get(start) ?? [])]
    for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
      if (name === start) {
        return start
      }
      if (!seen.has(name)) {
        seen.add(name)
        pending.push(...(spreads.get(name) ?? []))
      }
    }
  }
  return undefined
}
