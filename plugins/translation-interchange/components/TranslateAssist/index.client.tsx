'use client'
import React, { useEffect, useRef, useState } from 'react'

import type { Entry, Path, TranslateEditorProps, UseTranslateAssist } from '../../../translation-workflow/exports/client'
import type { QaFinding, SuggestionUnit } from './assist'

import { callApi } from '../../../shared/exports/client'
import { inputIdOf, TranslateEditor } from '../../../translation-workflow/exports/client'
import { ASSIST_ENDPOINTS } from '../../constants'
import { exactPrefills, findingsOfRefusal, inputPathOf, preTranslationOriginLabel, scoreLabel } from './assist'
import { QaFindings } from './QaFindings'
import { GlossarySource, SuggestionList } from './Suggestions'

const keyOf = (path: Path) => path.join('.')

/** The suggestions for every field, fetched once when the editor opens. */
const useSuggestions = (url: string, onLoad: (units: SuggestionUnit[]) => void) => {
  const [units, setUnits] = useState(new Map<string, SuggestionUnit>())
  const [problem, setProblem] = useState<string>()
  const onLoadRef = useRef(onLoad)
  onLoadRef.current = onLoad
  useEffect(() => {
    // React runs an effect twice in development; the first run's answer, arriving after the second
    // run filled inputs, would find them no longer empty and drop the notes that mark them.
    let current = true
    callApi<{ units: SuggestionUnit[] }>(url).then(
      (answer) => {
        if (current) {
          setUnits(new Map(answer.units.map((unit) => [unit.id, unit])))
          onLoadRef.current(answer.units)
        }
      },
      (error: Error) => current && setProblem(error.message),
    )
    return () => {
      current = false
    }
  }, [url])
  return { problem, units }
}

/**
 * The interchange's help in the translate editor: glossary terms marked in the source, memory and
 * machine suggestions under each input (an exact memory match fills an empty input, marked for
 * review), a "Check" button running QA on the saved translation, and the QA findings, also those a
 * refused submit carried.
 */
const useInterchangeAssist: UseTranslateAssist = (editor) => {
  const [findings, setFindings] = useState<QaFinding[]>()
  const [prefilled, setPrefilled] = useState(new Map<string, number>())
  const prefill = (units: SuggestionUnit[]) => {
    if (!editor.mayEdit) {
      return
    }
    const fills = exactPrefills(editor.entries, units, editor.valueAt)
    editor.setValues(fills.map(({ match, path }) => ({ path, value: match.target })))
    setPrefilled((current) => new Map([...current, ...fills.map(({ match, path }) => [keyOf(path), match.score] as const)]))
  }
  const suggestions = useSuggestions(editor.apiUrl(`${ASSIST_ENDPOINTS.suggestions}?task=${editor.task.id}`), prefill)
  const scoreOf = (entry: Entry) => {
    const input = inputPathOf(entry)
    return input ? prefilled.get(keyOf(input)) : undefined
  }
  const noteIdOf = (entry: Entry) => `${inputIdOf(entry.path)}-suggested`
  // QA reads the translation as saved, so the translator's edits are saved first.
  const check = () =>
    editor.run(async () => {
      if (editor.canEdit) {
        await editor.save()
      }
      const report = await callApi<{ findings: QaFinding[] }>(editor.apiUrl(`${ASSIST_ENDPOINTS.qa}?task=${editor.task.id}`))
      setFindings(report.findings)
      return 'Quality check done.'
    })
  return {
    actions: (
      <button className="btn btn--style-secondary" disabled={editor.busy} onClick={() => void check()} type="button">
        Check
      </button>
    ),
    belowInput: (entry) => {
      const score = scoreOf(entry)
      const usable = inputPathOf(entry)
      const preTranslated = suggestions.units.get(entry.diffKey)?.preTranslated
      return (
        <>
          {preTranslated && (
            <p style={{ color: 'var(--theme-warning-750)', margin: '4px 0' }}>
              Pre-translated from {preTranslationOriginLabel(preTranslated.origin)} on {new Date(preTranslated.at).toLocaleDateString()}: review
              it.
            </p>
          )}
          {score !== undefined && (
            <p id={noteIdOf(entry)} style={{ color: 'var(--theme-warning-750)', margin: '4px 0' }}>
              Filled in from the translation memory ({scoreLabel(score)}): a suggestion, review it before saving.
            </p>
          )}
          <SuggestionList
            label={entry.label}
            onUse={editor.canEdit && usable ? editor.change(usable) : undefined}
            unit={suggestions.units.get(entry.diffKey)}
          />
        </>
      )
    },
    describedByOf: (entry) => (scoreOf(entry) === undefined ? undefined : noteIdOf(entry)),
    notice: suggestions.problem && <p>Suggestions are not available: {suggestions.problem}</p>,
    onChange: (path) =>
      setPrefilled((current) => (current.has(keyOf(path)) ? new Map([...current].filter(([key]) => key !== keyOf(path))) : current)),
    onRefusal: (data) => {
      const refused = findingsOfRefusal(data)
      if (refused.length > 0) {
        setFindings(refused)
      }
    },
    panel: findings && <QaFindings findings={findings} />,
    sourceOf: (entry) => <GlossarySource text={entry.source} unit={suggestions.units.get(entry.diffKey)} />,
  }
}

/** The component in the translate view's `editor` slot: the workflow's editor with the interchange's help. */
export const AssistedTranslateEditor: React.FC<TranslateEditorProps> = (props) => (
  <TranslateEditor {...props} useAssist={useInterchangeAssist} />
)
