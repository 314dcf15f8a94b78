/**
 * Machine translation is pluggable: a provider translates a batch of plain-text segments between two
 * locales. None is configured by default. Its output is only ever offered as a suggestion needing
 * review; nothing in this plugin writes it into a document.
 */
export type MachineTranslationProvider = {
  /** Shown with each suggestion, so a reviewer knows where it came from. */
  name: string
  translate: (segments: string[], from: string, to: string) => Promise<string[]>
}

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
