import type { Browser } from 'playwright-core'

import { chromium } from 'playwright-core'

import type { TestHost } from '../helpers/host'

import { serveWidget } from '../../examples/hotline-widget/serve'
import { createHotline } from '../helpers/content'
import { startTestHost } from '../helpers/host'
import { createUser } from '../helpers/users'

let testHost: TestHost
let widget: Awaited<ReturnType<typeof serveWidget>>
let browser: Browser
let key: string

beforeAll(async () => {
  testHost = await startTestHost()
  widget = await serveWidget()
  const admin = await testHost.client.login(await createUser(testHost.payload, ['admin']))
  const created = await testHost.client.json<{ doc: { apiKey: string } }>('POST', '/api/api-clients', {
    auth: admin,
    body: { name: 'Hotline widget', allowedOrigins: [{ origin: widget.url }], scopes: ['hotlines'] },
  })
  key = created.body.doc.apiKey

  const belgianLine = await createHotline(testHost.payload, {
    name: 'Belgian test line',
    country: 'BE',
    languages: ['nl', 'fr'],
    phone: '+3232011690',
    verification: { lastVerifiedAt: new Date().toISOString() },
  })
  await testHost.payload.update({ id: belgianLine.id, collection: 'hotlines', data: { name: 'Belgische testlijn' }, locale: 'nl', overrideAccess: true })
  await createHotline(testHost.payload, { name: 'Helpline for victims of crime', country: 'EU', phone: '116006' })
  await createHotline(testHost.payload, { name: 'Unpublished draft line', _status: 'draft', country: 'EU', phone: '112' })

  // Debian's Chromium, never a downloaded browser; no background traffic (there is no network).
  browser = await chromium.launch({
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    executablePath: '/usr/bin/chromium',
  })
})

afterAll(async () => {
  await browser?.close()
  await widget?.close()
  await testHost.stop()
})

describe('hotline widget in a real browser', () => {
  test('renders published hotlines with their verification state, switches language and shows the fallback notice', async () => {
    const page = await browser.newPage()
    await page.goto(`${widget.url}/?api=${encodeURIComponent(testHost.baseUrl)}&key=${encodeURIComponent(key)}`)

    const names = page.locator('#hotlines li h2')
    await names.first().waitFor({ timeout: 20_000 })
    expect(await names.allTextContents()).toEqual(['Belgian test line', 'Helpline for victims of crime'])
    await expect(page.locator('li[data-slug="helpline-for-victims-of-crime"] .status').textContent()).resolves.toMatch(/not yet verified/)
    await expect(page.locator('li[data-slug="belgian-test-line"] .status').textContent()).resolves.toBe('checked recently')
    expect(await page.content()).not.toContain('Unpublished draft line')

    await page.selectOption('#locale', 'nl')
    await page.locator('text=Belgische testlijn').waitFor({ timeout: 10_000 })
    expect(await page.locator('html').getAttribute('lang')).toBe('nl')
    const fallback = page.locator('li[data-slug="helpline-for-victims-of-crime"] .fallback')
    expect(await fallback.textContent()).toBe('Not yet available in Nederlands: shown in English.')
    expect(await page.locator('li[data-slug="belgian-test-line"] .fallback').count()).toBe(0)

    await page.selectOption('#country', 'BE')
    expect(await names.allTextContents()).toEqual(['Belgische testlijn'])
    await page.selectOption('#country', '')
    await page.selectOption('#spoken', 'fr')
    expect(await names.allTextContents()).toEqual(['Belgische testlijn'])
    await page.close()
  })

  test('with a wrong key the widget says so instead of showing anything', async () => {
    const page = await browser.newPage()
    await page.goto(`${widget.url}/?api=${encodeURIComponent(testHost.baseUrl)}&key=jec_wrong`)
    await page.locator('[role="alert"]').waitFor({ timeout: 10_000 })
    expect(await page.locator('#hotlines li').count()).toBe(0)
    await page.close()
  })
})
