import React from 'react'

/** A link to the translation queue in the admin navigation. */
export const TranslationQueueNavLink: React.FC = () => (
  <a className="nav__link" href="/admin/translations" style={{ display: 'block', padding: '4px 0' }}>
    Translation queue
  </a>
)
