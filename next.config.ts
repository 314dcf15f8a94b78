import type { NextConfig } from 'next'

import { withPayload } from '@payloadcms/next/withPayload'

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native modules must load from node_modules at run time, not be bundled.
  serverExternalPackages: ['@libsql/client', 'libsql', 'sharp'],
}

export default withPayload(nextConfig)
