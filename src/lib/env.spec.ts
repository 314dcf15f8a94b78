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

describe('machine translation (MT_*)', () => {
  const deepl = { MT_DEEPL_API_KEY: 'key:fx' }
  const openai = { MT_OPENAI_MODEL: 'gpt-4o-mini', MT_OPENAI_URL: 'https://api.openai.com/v1/' }

  test('off by default: no provider for any locale, and no provider settings read', () => {
    expect(readWith({ MT_DEEPL_API_KEY: 'set but unused' }).machineTranslation).toEqual({
      collections: undefined,
      deepl: undefined,
      defaultProvider: null,
      libreTranslate: undefined,
      openai: undefined,
      providerByLocale: {},
      timeoutMs: 8000,
    })
  })

  test('a default provider, per-locale ones (off included), collections and a time-out', () => {
    const settings = readWith({
      ...deepl,
      ...openai,
      MT_COLLECTIONS: 'phases, hotlines',
      MT_LIBRETRANSLATE_URL: 'http://libre.internal:5000',
      MT_PROVIDER: 'deepl',
      MT_PROVIDER_BY_LOCALE: 'nl=libretranslate, ro=openai,sq=off',
      MT_TIMEOUT_MS: '3000',
    }).machineTranslation
    expect(settings).toEqual({
      collections: ['phases', 'hotlines'],
      deepl: { apiKey: 'key:fx', serverUrl: undefined },
      defaultProvider: 'deepl',
      libreTranslate: { apiKey: undefined, url: 'http://libre.internal:5000' },
      openai: { apiKey: undefined, model: 'gpt-4o-mini', url: 'https://api.openai.com/v1' },
      providerByLocale: { nl: 'libretranslate', ro: 'openai', sq: null },
      timeoutMs: 3000,
    })
  })

  test.each([
    [{ MT_PROVIDER: 'deepl' }, /^Machine translation with deepl needs MT_DEEPL_API_KEY\.$/],
    [{ MT_OPENAI_URL: 'https://api.openai.com/v1', MT_PROVIDER_BY_LOCALE: 'ro=openai' }, /needs MT_OPENAI_MODEL/],
    [{ MT_OPENAI_MODEL: 'm', MT_PROVIDER: 'openai' }, /needs MT_OPENAI_URL/],
    [{ MT_PROVIDER: 'libretranslate' }, /needs MT_LIBRETRANSLATE_URL/],
    [{ ...openai, MT_OPENAI_URL: 'api.openai.com', MT_PROVIDER: 'openai' }, /^MT_OPENAI_URL must be an http/],
    [{ MT_PROVIDER: 'google' }, /^MT_PROVIDER must be off, deepl, openai, libretranslate; got "google"\.$/],
    [{ MT_PROVIDER_BY_LOCALE: 'nl:deepl' }, /^MT_PROVIDER_BY_LOCALE must be locale=provider pairs/],
    [{ ...deepl, MT_PROVIDER_BY_LOCALE: 'xx=deepl' }, /of the locales en, fr/],
    [{ ...deepl, MT_PROVIDER: 'deepl', MT_TIMEOUT_MS: '0' }, /^MT_TIMEOUT_MS must be a whole number/],
  ])('a bad combination is one line at start: %o', (variables, message) => {
    expect(() => readWith(variables)).toThrow(ConfigurationError)
    expect(() => readWith(variables)).toThrow(message)
  })
})
