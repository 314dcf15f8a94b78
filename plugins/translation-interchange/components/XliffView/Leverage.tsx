'use client'
import React from 'react'

import type { BandCount, LeverageAnalysis } from '../../operations/leverage'

import { HeadingRow } from '../../../translation-workflow/exports/client'
import { LEVERAGE_BAND_LABELS, LEVERAGE_BANDS } from '../../constants'

export type OverviewRow = LeverageAnalysis & { collection: string; locale: string }

const percent = (share: number) => `${(share * 100).toFixed(1)} %`

const money = (amount: number, currency: string) => new Intl.NumberFormat(undefined, { currency, style: 'currency' }).format(amount)

/** One analysis as a TMS shows it: a row per band with words, segments, share and, with rates, cost. */
export const BandsTable: React.FC<{ analysis: LeverageAnalysis; label: string }> = ({ analysis, label }) => {
  const currency = analysis.cost?.currency
  return (
    <table aria-label={label} style={{ borderCollapse: 'collapse', width: '100%' }}>
      <HeadingRow headings={['Band', 'Words', 'Segments', 'Share', ...(currency ? ['Cost'] : [])]} />
      <tbody>
        {analysis.bands.map((band: BandCount) => (
          <tr aria-label={band.label} key={band.band}>
            <th scope="row" style={{ fontWeight: 'normal', textAlign: 'left' }}>
              {band.label}
            </th>
            <td>{band.words}</td>
            <td>{band.segments}</td>
            <td>{percent(band.share)}</td>
            {currency && <td>{money(band.cost ?? 0, currency)}</td>}
          </tr>
        ))}
        <tr aria-label="Total">
          <th scope="row" style={{ textAlign: 'left' }}>
            Total ({analysis.documents} documents)
          </th>
          <td>{analysis.words}</td>
          <td>{analysis.segments}</td>
          <td>{analysis.words > 0 ? percent(1) : percent(0)}</td>
          {analysis.cost && <td>{money(analysis.cost.total, analysis.cost.currency)}</td>}
        </tr>
      </tbody>
    </table>
  )
}

/** For editors: the words of every open task, locale by collection, in each band, with the totals. */
export const OverviewTable: React.FC<{ rows: OverviewRow[]; total: LeverageAnalysis }> = ({ rows, total }) => {
  const currency = total.cost?.currency
  const cells = (analysis: LeverageAnalysis) => (
    <>
      <td>{analysis.documents}</td>
      <td>{analysis.words}</td>
      {LEVERAGE_BANDS.map((band) => (
        <td key={band}>{analysis.bands.find((count) => count.band === band)?.words ?? 0}</td>
      ))}
      {currency && <td>{analysis.cost ? money(analysis.cost.total, currency) : ''}</td>}
    </>
  )
  return (
    <table aria-label="Open tasks by locale and collection" style={{ borderCollapse: 'collapse', width: '100%' }}>
      <HeadingRow
        headings={[
          'Locale',
          'Collection',
          'Documents',
          'Words',
          ...LEVERAGE_BANDS.map((band) => LEVERAGE_BAND_LABELS[band]),
          ...(currency ? ['Cost'] : []),
        ]}
      />
      <tbody>
        {rows.map((row) => (
          <tr aria-label={`${row.locale} ${row.collection}`} key={`${row.locale} ${row.collection}`}>
            <td>{row.locale}</td>
            <td>{row.collection}</td>
            {cells(row)}
          </tr>
        ))}
        <tr aria-label="Total">
          <th colSpan={2} scope="row" style={{ textAlign: 'left' }}>
            Total
          </th>
          {cells(total)}
        </tr>
      </tbody>
    </table>
  )
}
