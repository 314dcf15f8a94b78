'use client'
import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import type { Criterion, Member, Round, Vote } from '../api'

import { callApi } from '../../../shared/exports/client'

type Gate = { criteria: Criterion[]; decidedAt?: null | string; decision: string; id: number | string }

/** `votes` is null for staff outside the steering group, who see decisions only. */
type State = { error?: string; gate?: Gate; round?: Round; votes: null | Vote[] }

const memberName = (member: Vote['member']) =>
  typeof member === 'object' ? ((member as Member).name ?? (member as Member).email ?? String(member.id)) : String(member)

/**
 * The gate of the phase being edited: its criteria, the latest round with the votes the signed-in
 * user may see (steering members see who voted in an open round, and how only once it is decided),
 * and the decision.
 */
export const GatePanel: React.FC = () => {
  const { id } = useDocumentInfo()
  const {
    config: {
      routes: { api },
      serverURL,
    },
  } = useConfig()
  const [state, setState] = useState<State>({ votes: [] })

  useEffect(() => {
    if (!id) {
      return
    }
    const base = `${serverURL}${api}`
    const load = async () => {
      const gates = await callApi<{ docs: Gate[] }>(`${base}/gates?where[phase][equals]=${id}&depth=0&limit=1`)
      const gate = gates.docs[0]
      if (!gate) {
        return setState({ votes: [] })
      }
      const rounds = await callApi<{ docs: Round[] }>(`${base}/gate-rounds?where[gate][equals]=${gate.id}&sort=-number&limit=1&depth=0`)
      const round = rounds.docs[0]
      const votes = round
        ? await callApi<{ docs: Vote[] }>(`${base}/gate-votes?where[round][equals]=${round.id}&depth=1&limit=100`).then(
            ({ docs }) => docs,
            // The API refuses votes to staff outside the steering group.
            () => null,
          )
        : []
      setState({ gate, round, votes })
    }
    load().catch((error: Error) => setState({ error: error.message, votes: [] }))
  }, [api, id, serverURL])

  if (!id) {
    return <p>The gate appears once the phase is saved.</p>
  }
  const { error, gate, round, votes } = state
  return (
    <section
      aria-label="Phase gate"
      className="phase-gate-panel"
      style={{ border: '1px solid var(--theme-elevation-150)', marginBottom: 24, padding: 16 }}
    >
      <h3 style={{ marginTop: 0 }}>Phase gate</h3>
      {error && <p role="alert">{error}</p>}
      {gate && (
        <>
          <p>
            Decision: <strong data-testid="gate-decision">{gate.decision}</strong>
            {gate.decidedAt && ` (${new Date(gate.decidedAt).toLocaleString()})`}
          </p>
          <h4>Criteria</h4>
          <ul>
            {gate.criteria.map((criterion) => (
              <li key={criterion.label}>
                {criterion.holds ? '✓' : '✗'} {criterion.problem ?? criterion.label}
              </li>
            ))}
            {gate.criteria.length === 0 && <li>No criteria: add checklist items to the gate.</li>}
          </ul>
          {round ? (
            <>
              <h4>
                Round {round.number}:{' '}
                {round.status === 'open' ? `open until ${new Date(round.dueAt).toLocaleString()}` : `decided ${round.outcome ?? ''}`}
              </h4>
              {votes ? (
                <table>
                  <tbody>
                    {votes.map((vote) => (
                      <tr key={String(vote.id)}>
                        <td>{memberName(vote.member)}</td>
                        <td>{vote.choice ?? 'voted (secret until the round is decided)'}</td>
                        <td>{vote.comment}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p>Votes are seen by the steering group only.</p>
              )}
              {votes?.length === 0 && <p>No votes yet.</p>}
            </>
          ) : (
            <p>No review round yet.</p>
          )}
        </>
      )}
    </section>
  )
}
