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
