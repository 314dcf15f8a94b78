'use client'
import type { DefaultCellComponentProps } from 'payload'

import React from 'react'

const colours: Record<string, { background: string; color: string }> = {
  current: { background: '#e3f4e8', color: '#14532d' },
  due: { background: '#fff4d6', color: '#713f12' },
  overdue: { background: '#fde2e1', color: '#7f1d1d' },
  unverified: { background: '#fde2e1', color: '#7f1d1d' },
}

/** Makes overdue and unverified numbers impossible to miss in the hotline list. */
export const VerificationStatusCell: React.FC<DefaultCellComponentProps> = ({ cellData }) => {
  const status = (cellData as { status?: string } | undefined)?.status ?? 'unverified'
  const style = colours[status] ?? colours.unverified
  return (
    <span
      style={{ ...style, borderRadius: 4, fontWeight: 600, padding: '2px 8px' }}
      title={status === 'overdue' || status === 'unverified' ? 'Check this number with its operator before relying on it' : undefined}
    >
      {status === 'overdue' || status === 'unverified' ? `⚠ ${status}` : status}
    </span>
  )
}
