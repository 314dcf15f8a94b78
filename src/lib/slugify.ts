/**
 * Lower-case ASCII words joined by dashes: "Kick-Off Conférence 2012!" → "kick-off-conference-2012".
 * Accents are folded rather than dropped so that titles in any programme language stay readable.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
