import type { NextConfig } from 'next'

import { withPayload } from '@payloadcms/next/withPayload'

const nextConfig: NextConfig = {
  // Tests that start the admin UI build into a folder of their own (test/helpers/browser.ts), so a
  // developer's running `npm run dev` and the suite never share Next's one-dev-server-per-folder lock.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // Native modules must load from node_modules at run time, not be bundled.
  serverExternalPackages: ['@libsql/client', 'libsql', 'sharp'],
}

export default withPayload(nextConfig)
