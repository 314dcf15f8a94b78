import React from 'react'

/** A link to the XLIFF exchange in the admin navigation. */
export const XliffNavLink: React.FC = () => (
  <a className="nav__link" href="/admin/xliff" style={{ display: 'block', padding: '4px 0' }}>
    XLIFF exchange
  </a>
)
