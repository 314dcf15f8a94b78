import type { MachineTranslationProvider } from '@plugins/translation-interchange'

/**
 * A provider for tests and demonstrations: "[nl] Hello" for "Hello" into nl, with a record of every
 * call so that a test can assert what would have left the server.
 */
export const fakeMachineTranslation = (): MachineTranslationProvider & {
  calls: Array<{ from: string; segments: string[]; to: string }>
} => {
  const calls: Array<{ from: string; segments: string[]; to: string }> = []
  return {
    name: 'fake',
    calls,
    translate: async (segments, from, to) => {
      calls.push({ from, segments: [...segments], to })
      return segments.map((segment) => `[${to}] ${segment}`)
    },
  }
}
