/*
 * The workflow's server components that other plugins' admin views may use. Apart from index.ts
 * because they import Next's admin templates, which load only inside Next (never in the config).
 */
export { AdminPage } from '../components/AdminPage'
