import type { Config } from 'payload'

type Admin = NonNullable<Config['admin']>
type AdminComponents = NonNullable<Admin['components']>

/**
 * The config's `admin` with a plugin's own components added after those already there: lists are
 * appended to and views merged by key, so plugins composed in any order keep each other's.
 */
export const withAdminComponents = (
  admin: Config['admin'],
  add: Pick<AdminComponents, 'afterNavLinks' | 'beforeDashboard' | 'views'>,
): Admin => ({
  ...admin,
  components: {
    ...admin?.components,
    ...(add.afterNavLinks && { afterNavLinks: [...(admin?.components?.afterNavLinks ?? []), ...add.afterNavLinks] }),
    ...(add.beforeDashboard && { beforeDashboard: [...(admin?.components?.beforeDashboard ?? []), ...add.beforeDashboard] }),
    ...(add.views && { views: { ...admin?.components?.views, ...add.views } }),
  },
})
