/**
 * The finder's `q`: every word of the query appears in the hotline's name as served (the requested
 * locale, with its fallback), ignoring case and accents, as Payload's `like` matches words. Parts of
 * words count, so a search box narrows the list while someone types; whole-word, typo-tolerant
 * search over names and descriptions is the public search's (plugins/public-search).
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
