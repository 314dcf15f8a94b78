import type { FallbackMarks } from './fallback'
import type { PrintLine } from './lines'
import type { PrintHotline, PrintLabels } from './types'

import { colors } from './document'
import { labelled } from './stamp'

export type HotlineContext = {
  /** The card shows what to dial; the directory also how else to reach the line and in which languages. */
  detail: 'card' | 'directory'
  labels: PrintLabels
  locale: string
  marks: FallbackMarks
  /** The body size; the phone number is printed larger. */
  size: number
}

/** One hotline as lines, for the pocket card's back and the directory alike. */
export const hotlineLines = (hotline: PrintHotline, context: HotlineContext): PrintLine[] => {
  const { detail, labels, locale, marks, size } = context
  const line = (text: string): PrintLine => ({ font: 'regular', gap: size * 0.1, size, text })
  const detailed = detail === 'directory'
  // The directory has the EU-wide numbers under their own heading; on a card they stand among the country's.
  const euWide = !detailed && hotline.country === 'EU' ? labels.euWide : undefined
  const hours = detailed && hotline.availability ? labelled(locale, labels.availability, hotline.availability) : hotline.availability
  const availability = [hours, hotline.freeOfCharge ? labels.freeOfCharge : undefined, euWide].filter(Boolean).join(' · ')
  const contacts: [string, string | undefined][] = detailed
    ? [
        [labels.sms, hotline.sms],
        [labels.chat, hotline.chat],
        [labels.email, hotline.email],
        [labels.website, hotline.website],
      ]
    : []
  return [
    { font: 'bold', mark: marks.mark(hotline.fallback), size, text: hotline.name },
    { color: colors.accent, font: 'bold', size: size * 1.8, text: hotline.phone },
    ...hotline.alternativeNumbers.map(({ label, number }) => line(label ? labelled(locale, label, number) : number)),
    ...contacts.flatMap(([label, value]) => (value ? [line(labelled(locale, label, value))] : [])),
    ...(availability ? [line(availability)] : []),
    ...(detailed && hotline.languages.length > 0 ? [line(labelled(locale, labels.languagesSpoken, hotline.languages.join(', ')))] : []),
  ]
}
