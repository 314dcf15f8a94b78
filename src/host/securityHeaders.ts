import type { RequestHandler } from 'express'

import helmet from 'helmet'

/**
 * Security headers for everything the host serves. The admin UI is a Next.js app that hydrates with
 * inline scripts and styles (no nonce support in Payload's admin), so those stay allowed; everything
 * else is 'self' only. Development adds what Next's dev server needs (eval for fast refresh,
 * websockets for HMR).
 */
export function securityHeaders({
  isProduction,
  servedOverHttps,
}: {
  isProduction: boolean
  servedOverHttps: boolean
}): RequestHandler {
  const scriptSrc = ["'self'", "'unsafe-inline'", ...(isProduction ? [] : ["'unsafe-eval'"])]
  const connectSrc = ["'self'", ...(isProduction ? [] : ['ws:', 'wss:'])]
  return helmet({
    contentSecurityPolicy: {
      directives: {
        'base-uri': ["'self'"],
        'connect-src': connectSrc,
        'default-src': ["'self'"],
        'font-src': ["'self'", 'data:'],
        'form-action': ["'self'"],
        'frame-ancestors': ["'self'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'object-src': ["'none'"],
        'script-src': scriptSrc,
        'style-src': ["'self'", "'unsafe-inline'"],
        'upgrade-insecure-requests': servedOverHttps ? [] : null,
      },
    },
    // Media files are embedded by partner sites and the hotline widget.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    strictTransportSecurity: servedOverHttps,
  })
}
