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

describe('settings for several instances', () => {
  test('REDIS_URL takes redis:// and rediss:// only', () => {
    expect(readWith({ REDIS_URL: 'redis://cache.internal:6379/2' }).redisUrl).toBe('redis://cache.internal:6379/2')
    expect(readWith({ REDIS_URL: 'rediss://user:pw@cache.internal:6380' }).redisUrl).toBe('rediss://user:pw@cache.internal:6380')
    expect(() => readWith({ REDIS_URL: 'cache.internal:6379' })).toThrow(/^REDIS_URL must be/)
    expect(() => readWith({ REDIS_URL: 'http://cache.internal' })).toThrow(ConfigurationError)
  })

  test('S3 media needs its bucket and both keys together', () => {
    const all = { S3_ACCESS_KEY_ID: 'key', S3_BUCKET: 'media', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_SECRET_ACCESS_KEY: 'secret' }
    expect(readWith(all).s3).toEqual({ accessKeyId: 'key', bucket: 'media', endpoint: 'http://127.0.0.1:9000', forcePathStyle: true, region: 'us-east-1', secretAccessKey: 'secret' })
    expect(readWith({ ...all, S3_ENDPOINT: '' }).s3).toMatchObject({ endpoint: undefined, forcePathStyle: false })
    expect(() => readWith({ ...all, S3_SECRET_ACCESS_KEY: '' })).toThrow(/S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together/)
  })

  test('a CDN purge needs its URL and a token of 16 characters or more', () => {
    expect(readWith({ CDN_PURGE_TOKEN: 'a-long-enough-token', CDN_PURGE_URL: 'https://api.cdn.example/purge' }).cdnPurge).toEqual({
      token: 'a-long-enough-token',
      url: 'https://api.cdn.example/purge',
    })
    expect(() => readWith({ CDN_PURGE_URL: 'https://api.cdn.example/purge' })).toThrow(/go together/)
    expect(() => readWith({ CDN_PURGE_TOKEN: 'short', CDN_PURGE_URL: 'https://api.cdn.example/purge' })).toThrow(/16 characters/)
  })
})

test('RATE_LIMIT_WINDOW_MS is whole seconds', () => {
  expect(readWith({ RATE_LIMIT_WINDOW_MS: '5000' }).rateLimitWindowMs).toBe(5000)
  expect(() => readWith({ RATE_LIMIT_WINDOW_MS: '1500' })).toThrow(/multiple of 1000/)
  expect(() => readWith({ RATE_LIMIT_WINDOW_MS: '500' })).toThrow(/at least 1000/)
})
