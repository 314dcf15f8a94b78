import type { TextField } from 'payload'

/** Absolute http(s) address only: no javascript:, data: or relative links reach a public page. */
export function isWebAddress(value: unknown): boolean {
  if (typeof value !== 'string') {
    return false
  }
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && Boolean(url.hostname.includes('.'))
  } catch {
    return false
  }
}

export function urlField(name: string, overrides: Partial<TextField> = {}): TextField {
  return {
    name,
    type: 'text',
    validate: (value: null | string | undefined) =>
      !value || isWebAddress(value) ? true : `Enter a full web address starting with https://, e.g. https://example.org.`,
    ...overrides,
  } as TextField
}
