/**
 * The finder's `q` for now: every word of the query appears in the hotline's name as served (the
 * requested locale, with its fallback), ignoring case and accents, as Payload's `like` matches
 * words. Kept apart so the full-text search can take its place without touching the finder.
 */
const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .toLocaleLowerCase('en')

export function nameMatches(name: null | string | undefined, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean)
  const folded = fold(name ?? '')
  return words.every((word) => folded.includes(word))
}
