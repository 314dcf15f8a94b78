import { signWebhook, verifyWebhookSignature } from './webhookSignature'

const secret = 'whsec_test'
const body = '{"event":"publish","id":1}'

describe('webhook signatures', () => {
  test('a signature made with the secret verifies', () => {
    const header = signWebhook(secret, body, 1_800_000_000)
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/)
    expect(verifyWebhookSignature({ body, header, nowSeconds: 1_800_000_010, secret })).toBe(true)
  })

  test.each([
    ['another secret', { secret: 'whsec_other' }],
    ['a changed body', { body: '{"event":"publish","id":2}' }],
    ['an old timestamp (replay)', { nowSeconds: 1_800_001_000 }],
    ['a garbled header', { header: 'nonsense' }],
  ])('%s fails', (_label, change) => {
    const header = signWebhook(secret, body, 1_800_000_000)
    expect(verifyWebhookSignature({ body, header, nowSeconds: 1_800_000_010, secret, ...change })).toBe(false)
  })
})
