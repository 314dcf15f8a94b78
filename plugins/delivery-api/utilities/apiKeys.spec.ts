import { apiKeyFromHeaders, generateApiKey, hashApiKey } from './apiKeys'

describe('API keys', () => {
  test('are long, random and prefixed', () => {
    const keys = new Set(Array.from({ length: 50 }, generateApiKey))
    expect(keys.size).toBe(50)
    for (const key of keys) {
      expect(key).toMatch(/^jec_[\w-]{43}$/)
    }
  })

  test('are stored as a SHA-256 hash, never as themselves', () => {
    const key = generateApiKey()
    expect(hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/)
    expect(hashApiKey(key)).not.toContain(key.slice(4, 20))
  })

  test.each([
    [{ authorization: 'API-Key jec_abc' }, 'jec_abc'],
    [{ authorization: 'api-key jec_abc' }, 'jec_abc'],
    [{ 'x-api-key': 'jec_xyz' }, 'jec_xyz'],
    [{ authorization: 'JWT token' }, undefined],
    [{}, undefined],
  ])('%p → %p', (headers, expected) => {
    expect(apiKeyFromHeaders(new Headers(headers))).toBe(expected)
  })
})
