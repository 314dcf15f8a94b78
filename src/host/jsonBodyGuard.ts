/**
 * Checks a buffered API request body before Payload sees it. Payload parses JSON bodies with
 * `JSON.parse` and then walks and copies the data recursively, merging it into documents: a body
 * nested thousands of levels deep can exhaust the stack, and `__proto__`/`constructor`/`prototype`
 * keys are how prototype pollution reaches a merge. None of them has a use in this API, so they are
 * refused outright rather than sanitised.
 */

export type BodyProblem = { message: string; status: 400 | 415 }

/** Deepest nesting any legitimate document or GraphQL variables need, with room to spare. */
export const maxJsonDepth = 64

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype'])
const acceptedTypes = ['application/json', 'multipart/form-data', 'application/x-www-form-urlencoded']

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
  let forbidden: string | undefined
  try {
    // The reviver sees every key; depth is bounded above, so its recursion is too.
    JSON.parse(text, (key, value: unknown) => {
      if (forbiddenKeys.has(key)) {
        forbidden ??= key
      }
      return value
    })
  } catch {
    return { message: 'The request body is not valid JSON.', status: 400 }
  }
  return forbidden ? { message: `The JSON body may not contain the key "${forbidden}".`, status: 400 } : undefined
}
