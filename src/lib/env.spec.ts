import { ConfigurationError, readEnvironment } from './env'

/** readEnvironment() with some variables set, the process's own environment restored after. */
function readWith(variables: Record<string, string>) {
  const saved = { ...process.env }
  Object.assign(process.env, variables)
  try {
    return readEnvironment()
  } finally {
    process.env = saved
  }
}

describe('PUBLIC_SITE_URL, printed in the pocket cards’ QR codes', () => {
  test('defaults to SERVER_URL, and loses a trailing slash', () => {
    expect(readWith({ PUBLIC_SITE_URL: '', SERVER_URL: 'https://cms.example.org' }).publicSiteUrl).toBe('https://cms.example.org')
    expect(readWith({ PUBLIC_SITE_URL: 'https://www.example.org/programme/' }).publicSiteUrl).toBe('https://www.example.org/programme')
  })

  test.each(['www.example.org', 'ftp://example.org', 'https://example.org/?utm=card', 'https://example.org/#top', 'https://user:secret@example.org', 'https://'])(
    'refuses %s at start, naming the variable',
    (value) => {
      expect(() => readWith({ PUBLIC_SITE_URL: value })).toThrow(ConfigurationError)
      expect(() => readWith({ PUBLIC_SITE_URL: value })).toThrow(/^PUBLIC_SITE_URL must be/)
    },
  )
})
