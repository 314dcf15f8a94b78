'use client'
import { useConfig } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import type { Round, Vote } from '../api'

import { callApi, relationId } from '../../../shared/exports/client'
import { VOTE_CHOICES } from '../../constants'

type Me = { id: number | string }

const labels: Record<string, string> = {
  abstain: 'Abstain',
  approve: 'Approve',
  recuse: 'Recuse (conflict of interest)',
  reject: 'Reject',
  'request-changes': 'Request changes',
}

const phaseTitle = (round: Round) => (typeof round.phase === 'object' ? (round.phase.title ?? String(round.phase.id)) : String(round.phase))

const RoundCard: React.FC<{ base: string; onVoted: () => void; round: Round; vote?: Vote }> = ({ base, onVoted, round, vote }) => {
  const [choice, setChoice] = useState(vote?.choice ?? 'approve')
  const [comment, setComment] = useState(vote?.comment ?? '')
  const [message, setMessage] = useState<{ error: boolean; text: string }>()
  const criteria = typeof round.gate === 'object' ? (round.gate.criteria ?? []) : []
  const changes = round.changesSincePreviousRound

  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    try {
      await (vote
        ? callApi(`${base}/gate-votes/${vote.id}`, { body: { choice, comment }, method: 'PATCH' })
        : callApi(`${base}/gate-votes`, { body: { choice, comment, round: round.id }, method: 'POST' }))
      setMessage({ error: false, text: 'Your vote is recorded.' })
      onVoted()
    } catch (error) {
      setMessage({ error: true, text: (error as Error).message })
    }
  }

  return (
    <article
      aria-label={`Round ${round.number} of ${phaseTitle(round)}`}
      style={{ border: '1px solid var(--theme-elevation-150)', marginBottom: 24, padding: 16 }}
    >
      <h2 style={{ marginTop: 0 }}>
        {phaseTitle(round)}: round {round.number}
      </h2>
      <p>Due {new Date(round.dueAt).toLocaleString()}</p>
      <h3>Criteria</h3>
      <ul>
        {criteria.map((criterion) => (
          <li key={criterion.label}>
            {criterion.holds ? '✓' : '✗'} {criterion.problem ?? criterion.label}
          </li>
        ))}
      </ul>
      {changes && (
        <>
          <h3>Changed since the previous round</h3>
          <ul>
            {changes.added.map(({ id, collection }) => (
              <li key={`a${collection}${id}`}>
                New: {collection} {id}
              </li>
            ))}
            {changes.changed.map(({ id, collection, locales }) => (
              <li key={`c${collection}${id}`}>
                Changed: {collection} {id} ({locales.join(', ')})
              </li>
            ))}
            {changes.removed.map(({ id, collection }) => (
              <li key={`r${collection}${id}`}>
                Removed: {collection} {id}
              </li>
            ))}
          </ul>
        </>
      )}
      <form onSubmit={submit}>
        <fieldset>
          <legend>{vote ? `Your vote: ${labels[vote.choice!]}. Change it until the round closes.` : 'Your vote'}</legend>
          {VOTE_CHOICES.map((value) => (
            <label key={value} style={{ display: 'block' }}>
              <input checked={choice === value} name={`choice-${round.id}`} onChange={() => setChoice(value)} type="radio" value={value} />{' '}
              {labels[value]}
            </label>
          ))}
        </fieldset>
        <label style={{ display: 'block', marginTop: 8 }}>
          Comment
          <textarea
            name="comment"
            onChange={(event) => setComment(event.target.value)}
            rows={3}
            style={{ display: 'block', width: '100%' }}
            value={comment}
          />
        </label>
        <button className="btn btn--style-primary" style={{ marginTop: 8 }} type="submit">
          {vote ? 'Change vote' : 'Cast vote'}
        </button>
        {message && <p role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      </form>
    </article>
  )
}

/** The rounds awaiting the signed-in member's vote (or still open to changing it). */
export const SteeringRounds: React.FC = () => {
  const {
    config: {
      routes: { api },
      serverURL,
    },
  } = useConfig()
  const base = `${serverURL}${api}`
  const [state, setState] = useState<{ error?: string; loaded: boolean; rounds: Round[]; votes: Vote[] }>({
    loaded: false,
    rounds: [],
    votes: [],
  })

  const load = useCallback(async () => {
    try {
      const { user } = await callApi<{ user: Me | null }>(`${base}/users/me`)
      if (!user) {
        return setState({ error: 'Sign in to see your rounds.', loaded: true, rounds: [], votes: [] })
      }
      const rounds = await callApi<{ docs: Round[] }>(`${base}/gate-rounds?where[status][equals]=open&depth=1&limit=50&sort=dueAt`)
      const votes = await callApi<{ docs: Vote[] }>(`${base}/gate-votes?where[member][equals]=${user.id}&depth=0&limit=200`)
      const mine = rounds.docs.filter(
        (round) => round.members.includes(String(user.id)) && String(relationId(round.openedBy)) !== String(user.id),
      )
      setState({ loaded: true, rounds: mine, votes: votes.docs })
    } catch (error) {
      setState({ error: (error as Error).message, loaded: true, rounds: [], votes: [] })
    }
  }, [base])

  useEffect(() => {
    void load()
  }, [load])

  if (!state.loaded) {
    return <p>Loading…</p>
  }
  return (
    <div>
      {state.error && <p role="alert">{state.error}</p>}
      {state.rounds.length === 0 && !state.error && <p>No review round awaits your vote.</p>}
      {state.rounds.map((round) => (
        <RoundCard
          base={base}
          key={String(round.id)}
          onVoted={() => void load()}
          round={round}
          vote={state.votes.find((vote) => String(relationId(vote.round)) === String(round.id))}
        />
      ))}
    </div>
  )
}
