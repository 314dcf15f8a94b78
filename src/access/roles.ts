/** Staff roles. A user may hold several; powers add up. */
export const roles = ['admin', 'editor', 'translator', 'steering'] as const

export type Role = (typeof roles)[number]

export const roleLabels: Record<Role, string> = {
  admin: 'Administrator',
  editor: 'Editor',
  steering: 'Steering-group member',
  translator: 'Translator',
}

type MaybeUser = { collection?: string; roles?: null | readonly string[] } | null | undefined

/** True when the signed-in staff user holds the role; API clients and anonymous readers never do. */
export function hasRole(user: MaybeUser, role: Role): boolean {
  return Boolean(user && user.collection === 'users' && user.roles?.includes(role))
}
