import type { AddressInfo } from 'node:net'

import http from 'node:http'

import type { ResolveHost } from './webhookTargets'

import { checkWebhookTarget, connectLookup, isNonPublicAddress } from './webhookTargets'

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

describe('connectLookup: the address checked is the address connected to (DNS rebinding)', () => {
  let server: http.Server
  let port: number
  let hits = 0

  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      hits += 1
      res.end('ok')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
  })

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
  })

  /** A name that answers a public address to the first lookup and loopback to every later one. */
  const rebinding = (): ResolveHost & { calls: number } => {
    const resolve = Object.assign(
      async () => {
        resolve.calls += 1
        return [{ address: resolve.calls === 1 ? '93.184.216.34' : '127.0.0.1', family: 4 }]
      },
      { calls: 0 },
    )
    return resolve
  }

  const get = (lookup: ReturnType<typeof connectLookup>) =>
    new Promise<number>((resolve, reject) => {
      const request = http.request({ agent: false, host: 'rebind.example', lookup, path: '/', port }, (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
      })
      request.on('error', reject)
      request.end()
    })

  test('a name that passed the check and then resolves to loopback is refused at connect time', async () => {
    const resolve = rebinding()
    expect(await checkWebhookTarget(`http://rebind.example:${port}/hook`, false, resolve)).toBeNull()
    const before = hits
    // With the old resolve-then-fetch, this second resolution reached the loopback server.
    await expect(get(connectLookup(resolve, false))).rejects.toMatchObject({ code: 'EJECPRIVATE', message: expect.stringMatching(/127\.0\.0\.1/) })
    expect(resolve.calls).toBe(2)
    expect(hits).toBe(before)
  })

  test.each([
    [{ all: true }, [{ address: '93.184.216.34', family: 4 }]],
    [{ all: false }, '93.184.216.34'],
  ])('answers in the shape the socket asked for (%p)', async (options, expected) => {
    const resolve: ResolveHost = async () => [{ address: '93.184.216.34', family: 4 }]
    const answer = await new Promise<unknown>((settle, reject) =>
      connectLookup(resolve, false)('public.example', options as never, (error: Error | null, address: unknown) =>
        error ? reject(error) : settle(address),
      ),
    )
    expect(answer).toEqual(expected)
  })

  test('a name with no address of the family asked for does not resolve', async () => {
    const resolve: ResolveHost = async () => [{ address: '93.184.216.34', family: 4 }]
    const error = await new Promise<unknown>((settle) => connectLookup(resolve, false)('public.example', { family: 6 }, settle))
    expect(error).toMatchObject({ code: 'ENOTFOUND' })
  })

  test('any private address among several refuses the name; allowed private targets connect', async () => {
    const mixed: ResolveHost = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ]
    await expect(get(connectLookup(mixed, false))).rejects.toMatchObject({ code: 'EJECPRIVATE' })
    const loopback: ResolveHost = async () => [{ address: '127.0.0.1', family: 4 }]
    expect(await get(connectLookup(loopback, true))).toBe(200)
  })
})
