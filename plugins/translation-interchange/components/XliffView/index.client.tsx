'use client'
import { useConfig } from '@payloadcms/ui'
import React, { useState } from 'react'

import type { LeverageAnalysis } from '../../operations/leverage'
import type { UnitReport } from '../../utilities/importPlan'

import { HeadingRow, type Outcome, OutcomeMessage, SelectField } from '../../../translation-workflow/exports/client'
import { LEVERAGE_ENDPOINTS, XLIFF_ENDPOINTS, XLIFF_VERSIONS } from '../../constants'
import { BandsTable, type OverviewRow, OverviewTable } from './Leverage'
import { PreTranslateSection } from './PreTranslate'

export type XliffExchangeProps = { isEditor: boolean; maxDocumentsPerExport: number; targetLocales: string[]; tasksCollection: string }

type LeverageAnswer = Partial<LeverageAnalysis> & { errors?: Array<{ message: string }>; rows?: OverviewRow[]; total?: LeverageAnalysis }

/** What the export form asks for, as the export's (and its analysis's) query parameters. */
const exportQuery = (form: FormData) => {
  const query = new URLSearchParams({
    limit: String(form.get('limit')),
    locale: String(form.get('locale')),
    version: String(form.get('version')),
  })
  if (form.get('outdated')) {
    query.set('status', 'outdated')
  }
  return query
}

type KeptInProgress = { document: string; message: string }

type ImportAnswer = {
  applied?: number
  errors?: Array<{ message: string }>
  keptInProgress?: KeptInProgress[]
  message?: string
  units?: UnitReport[]
}

/** The file name the export endpoint gives in its Content-Disposition, else one from the locale. */
const fileNameOf = (response: Response, locale: string) =>
  /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `translation-${locale}.xliff`

/** Why a unit was not applied, as the translator reads it: the server's message, then each QA finding of the unit. */
const reasonOf = (unit: UnitReport): string =>
  [unit.message, ...(unit.findings ?? []).filter((finding) => !unit.message?.includes(finding.message)).map((finding) => finding.message)]
    .filter(Boolean)
    .join(' ')

/**
 * A unit's result in words. The server reports a unit it accepted as applied even when another
 * unit's refusal kept the whole file from being written; the translator must not read that as saved.
 */
const resultOf = (unit: UnitReport, written: boolean): string => {
  if (unit.status === 'applied') {
    return written ? 'written' : 'accepted, not written'
  }
  return unit.problem ? `${unit.status} (${unit.problem})` : unit.status
}

/** The units of an import as the server reported them: what was written, and for each other unit why not. */
const ImportReport: React.FC<{ units: UnitReport[]; written: boolean }> = ({ units, written }) => (
  <table aria-label="Import report" style={{ borderCollapse: 'collapse', width: '100%' }}>
    <HeadingRow headings={['Document', 'Unit', 'Result', 'Reason']} />
    <tbody>
      {units.map((unit) => (
        <tr aria-label={`${unit.document} ${unit.unit}`} key={`${unit.document} ${unit.unit}`}>
          <td>{unit.document}</td>
          <td>{unit.unit}</td>
          <td>{resultOf(unit, written)}</td>
          <td>{reasonOf(unit)}</td>
        </tr>
      ))}
    </tbody>
  </table>
)

/**
 * XLIFF in and out from the admin, through the same REST endpoints a CAT tool or script uses, with
 * the signed-in session's cookie: the server decides which tasks a user may export and import.
 */
export const XliffExchange: React.FC<XliffExchangeProps> = ({ isEditor, maxDocumentsPerExport, targetLocales, tasksCollection }) => {
  const {
    config: {
      routes: { api },
      serverURL,
    },
  } = useConfig()
  const [exported, setExported] = useState<Outcome>()
  const [parts, setParts] = useState<{ documents: number; query: URLSearchParams; total: number }>()
  const [imported, setImported] = useState<Outcome>()
  const [units, setUnits] = useState<UnitReport[]>([])
  const [kept, setKept] = useState<KeptInProgress[]>([])
  const [busy, setBusy] = useState(false)
  const [analysis, setAnalysis] = useState<LeverageAnalysis>()
  const [overview, setOverview] = useState<{ rows: OverviewRow[]; total: LeverageAnalysis }>()
  const [analysed, setAnalysed] = useState<Outcome>()

  /** Asks the leverage endpoint; the analysis of an export counts exactly the part the same query downloads. */
  const analyse = async (query: URLSearchParams) => {
    setAnalysed(undefined)
    const response = await fetch(`${serverURL}${api}${LEVERAGE_ENDPOINTS.leverage}?${query.toString()}`, { credentials: 'include' })
    const answer = (await response.json().catch(() => ({}))) as LeverageAnswer
    if (!response.ok) {
      setAnalysed({ error: true, text: answer.errors?.map(({ message }) => message).join(' ') || `The server answered ${response.status}.` })
      return undefined
    }
    return answer
  }

  const analyseExport = async (form: HTMLFormElement | null) => {
    if (form) {
      setAnalysis((await analyse(exportQuery(new FormData(form)))) as LeverageAnalysis | undefined)
    }
  }

  const analyseOpenTasks = async () => {
    const answer = await analyse(new URLSearchParams({ scope: 'overview' }))
    setOverview(answer?.rows && answer.total ? { rows: answer.rows, total: answer.total } : undefined)
  }

  /** Downloads one part of an export; a large export comes in parts, each response saying how many. */
  const downloadPart = async (query: URLSearchParams, page: number) => {
    const partQuery = new URLSearchParams(query)
    partQuery.set('page', String(page))
    const response = await fetch(`${serverURL}${api}${XLIFF_ENDPOINTS.export}?${partQuery.toString()}`, { credentials: 'include' })
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as ImportAnswer
      setExported({ error: true, text: body.errors?.map(({ message }) => message).join(' ') || `The server answered ${response.status}.` })
      return
    }
    const fileName = fileNameOf(response, String(query.get('locale')))
    const link = document.createElement('a')
    link.href = URL.createObjectURL(await response.blob())
    link.download = fileName
    link.click()
    URL.revokeObjectURL(link.href)
    const total = Number(response.headers.get('x-total-pages')) || 1
    const documents = Number(response.headers.get('x-total-count')) || 0
    setParts(total > 1 ? { documents, query, total } : undefined)
    setExported({
      error: false,
      text: total > 1 ? `Downloaded ${fileName}: part ${page} of ${total} of ${documents} documents.` : `Downloaded ${fileName}.`,
    })
  }

  const download = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    return downloadPart(exportQuery(new FormData(event.currentTarget)), 1)
  }

  const upload = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const body = new FormData()
    body.set('file', form.get('file') as File)
    setBusy(true)
    setImported(undefined)
    setUnits([])
    setKept([])
    try {
      const query = new URLSearchParams({ locale: String(form.get('locale')) })
      const response = await fetch(`${serverURL}${api}${XLIFF_ENDPOINTS.import}?${query.toString()}`, {
        body,
        credentials: 'include',
        method: 'POST',
      })
      const answer = (await response.json().catch(() => ({}))) as ImportAnswer
      setUnits(answer.units ?? [])
      setKept(answer.keptInProgress ?? [])
      if (response.ok) {
        setImported({ error: false, text: `Imported: ${answer.applied ?? 0} unit(s) written as drafts.` })
      } else {
        // The import is all or nothing: any refusal, of one unit or of the whole file, wrote nothing.
        const why = answer.message ?? answer.errors?.map(({ message }) => message).join(' ') ?? `The server answered ${response.status}.`
        setImported({ error: true, text: `Nothing was written. ${why}` })
      }
    } catch (error) {
      setImported({ error: true, text: `Nothing was written: ${(error as Error).message}` })
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <section aria-labelledby="xliff-export">
        <h2 id="xliff-export">Export</h2>
        <form aria-label="Export XLIFF" onSubmit={(event) => void download(event)} style={{ alignItems: 'end', display: 'flex', gap: 16 }}>
          <SelectField defaultValue={targetLocales[0]} label="Locale" name="locale" options={targetLocales} required />
          <SelectField defaultValue={XLIFF_VERSIONS[0]} label="XLIFF version" name="version" options={XLIFF_VERSIONS} />
          <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
            Documents per file
            <input defaultValue={maxDocumentsPerExport} max={maxDocumentsPerExport} min={1} name="limit" required step={1} type="number" />
          </label>
          <label style={{ alignItems: 'center', display: 'flex', gap: 4 }}>
            <input name="outdated" type="checkbox" />
            Only outdated tasks
          </label>
          <button className="btn btn--style-primary" type="submit">
            Download
          </button>
          <button className="btn btn--style-secondary" onClick={(event) => void analyseExport(event.currentTarget.form)} type="button">
            Analyse
          </button>
        </form>
        <OutcomeMessage outcome={exported} />
        {parts && (
          <nav aria-label="Parts of the export" style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
            {Array.from({ length: parts.total }, (_, index) => index + 1).map((page) => (
              <button
                className="btn btn--style-secondary btn--size-small"
                key={page}
                onClick={() => void downloadPart(parts.query, page)}
                type="button"
              >
                Part {page}
              </button>
            ))}
          </nav>
        )}
      </section>
      <section aria-labelledby="xliff-leverage" style={{ marginTop: 32 }}>
        <h2 id="xliff-leverage">Leverage</h2>
        <p>How much of the export the translation memory already covers, in source words, before anyone translates it.</p>
        {isEditor && (
          <button className="btn btn--style-secondary" onClick={() => void analyseOpenTasks()} type="button">
            Analyse every open task
          </button>
        )}
        <OutcomeMessage outcome={analysed} />
        {analysis && <BandsTable analysis={analysis} label="Leverage of the export" />}
        {overview && <OverviewTable rows={overview.rows} total={overview.total} />}
      </section>
      <section aria-labelledby="xliff-import" style={{ marginTop: 32 }}>
        <h2 id="xliff-import">Import</h2>
        <p>
          Every unit is checked first (the source unchanged since the export, the formatting tags, QA); if any is refused, nothing is
          written.
        </p>
        <form aria-label="Import XLIFF" onSubmit={(event) => void upload(event)} style={{ alignItems: 'end', display: 'flex', gap: 16 }}>
          <SelectField defaultValue={targetLocales[0]} label="Locale" name="locale" options={targetLocales} required />
          <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
            XLIFF file
            <input accept=".xlf,.xliff,.xml" name="file" required type="file" />
          </label>
          <button className="btn btn--style-primary" disabled={busy} type="submit">
            Upload
          </button>
        </form>
        <OutcomeMessage outcome={imported} />
        {kept.length > 0 && (
          <ul aria-label="Not sent to review">
            {kept.map(({ document, message }) => (
              <li key={document}>
                {document}: {message}
              </li>
            ))}
          </ul>
        )}
        {units.length > 0 && <ImportReport units={units} written={imported?.error === false} />}
      </section>
      <PreTranslateSection isEditor={isEditor} targetLocales={targetLocales} tasksCollection={tasksCollection} />
    </>
  )
}
