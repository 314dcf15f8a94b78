'use client'
import React from 'react'

import type { SuggestionUnit } from './assist'

import { glossarySegments, glossaryTitle, scoreLabel } from './assist'

/** The source text with its glossary terms marked; hovering a term shows its definition or approved translation. */
export const GlossarySource: React.FC<{ text: string; unit?: SuggestionUnit }> = ({ text, unit }) => (
  <div style={{ whiteSpace: 'pre-wrap' }}>
    {unit && unit.glossary.length > 0
      ? // The offsets count in the unit's own plain text, which is what is shown then.
        glossarySegments(unit.source, unit.glossary).map((segment, index) =>
          segment.match ? (
            <mark key={index} title={glossaryTitle(segment.match)}>
              {segment.text}
            </mark>
          ) : (
            <span key={index}>{segment.text}</span>
          ),
        )
      : text}
  </div>
)

const Suggestion: React.FC<{ label: string; onUse?: () => void; text: string }> = ({ label, onUse, text }) => (
  <li>
    <span>{label}</span> · <em>needs review</em>: <span>{text}</span>{' '}
    {onUse && (
      <button aria-label={`Use ${label} suggestion: ${text}`} className="btn btn--size-small" onClick={onUse} type="button">
        Use
      </button>
    )}
  </li>
)

/**
 * Translation-memory matches (with their score) and the machine translation of one field, or the
 * reason the provider gave none. "Use" copies one into the field's input; nothing is saved until
 * the translator saves.
 */
export const SuggestionList: React.FC<{ label: string; onUse?: (text: string) => void; unit?: SuggestionUnit }> = ({
  label,
  onUse,
  unit,
}) => {
  if (!unit || (unit.memory.length === 0 && !unit.machineTranslation && !unit.machineTranslationProblem)) {
    return null
  }
  const problem = unit.machineTranslationProblem
  const use = (text: string) => (onUse ? () => onUse(text) : undefined)
  return (
    <ul aria-label={`Suggestions for ${label}`} style={{ fontSize: '0.9em', margin: '4px 0', paddingLeft: 16 }}>
      {unit.memory.map((match, index) => (
        <Suggestion key={index} label={`Memory ${scoreLabel(match.score)}`} onUse={use(match.target)} text={match.target} />
      ))}
      {unit.machineTranslation && (
        <Suggestion
          label={`Machine (${unit.machineTranslation.provider})`}
          onUse={use(unit.machineTranslation.text)}
          text={unit.machineTranslation.text}
        />
      )}
      {problem && (
        <li>
          <span>Machine ({problem.provider})</span>: no suggestion, {problem.reason}.
        </li>
      )}
    </ul>
  )
}
