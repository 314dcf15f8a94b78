import { checkWebhookTarget, isNonPublicAddress } from './webhookTargets'

describe('isNonPublicAddress', () => {
  test.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['fe80::1', true],
    ['fc00::1', true],
    ['::ffff:127.0.0.1', true],
    ['100.64.0.1', true],
    ['not-an-ip', true],
    ['93.184.216.34', false],
    ['2606:2800:220:1:248:1893:25c8:1946', false],
  ])('%s → %p', (address, expected) => {
    expect(isNonPublicAddress(address)).toBe(expected)
  })
})

describe('checkWebhookTarget', () => {
  test.each([
    ['http://127.0.0.1:8080/hook', /non-public address/],
    ['http://localhost/hook', /non-public address/],
    ['http://[::1]/hook', /non-public address/],
    ['http://169.254.169.254/latest/meta-data', /non-public address/],
    ['http://10.0.0.5/hook', /non-public address/],
    ['ftp://example.org/hook', /https/],
    ['https://user:pass@example.org/hook', /credentials/],
    ['not a url', /full URL/],
  ])('%s is refused', async (url, message) => {
    expect(await checkWebhookTarget(url, false)).toMatch(message)
  })

  test('a private target passes only when explicitly allowed', async () => {
    expect(await checkWebhookTarget('http://127.0.0.1:8080/hook', true)).toBeNull()
  })

  test('a public IP literal passes', async () => {
    expect(await checkWebhookTarget('https://93.184.216.34/hook', false)).toBeNull()
  })
})
