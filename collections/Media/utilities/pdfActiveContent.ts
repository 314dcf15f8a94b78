/**
 * PDF features that run or open something when the file is viewed: script actions and launching
 * another program. Names may hide behind `#xx` escapes (`/Java#53cript`), so those are decoded first.
 * `/JS` counts only when a value follows (a string, a hex string or an object reference): as a bare
 * three-byte sequence it would turn up by chance in compressed streams.
 */
const activeFeatures: ReadonlyArray<[label: string, pattern: RegExp]> = [
  ['JavaScript', /\/JavaScript(?![A-Za-z0-9])/],
  ['JavaScript', /\/JS\s*(?:[(<]|\d+\s+\d+\s+R)/],
  ['a launch action', /\/Launch(?![A-Za-z0-9])/],
]

/**
 * The first active feature found in the PDF's uncompressed structure, or undefined. A best effort:
 * objects inside compressed object streams are not inflated, which is why PDFs are also only ever
 * served as downloads (see the Media collection's response headers).
 */
export function pdfActiveContent(pdf: Buffer): string | undefined {
  const text = pdf.toString('latin1').replace(/#([0-9A-Fa-f]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  return activeFeatures.find(([, pattern]) => pattern.test(text))?.[0]
}
