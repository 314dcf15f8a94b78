import React from 'react'

/** A link to the steering view in the admin navigation. */
export const SteeringNavLink: React.FC = () => (
  <a className="nav__link" href="/admin/steering" style={{ display: 'block', padding: '4px 0' }}>
    Steering group: my votes
  </a>
)
