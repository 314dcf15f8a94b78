import type { Browser, Page } from 'playwright-core'

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

/** The widget shows "Loading…" from the moment a filter changes until its answer is rendered. */
const settled = (page: Page) => page.waitForFunction(() => document.getElementById('message')?.textContent !== 'Loading…')

/** Waits until the list shows exactly these names (a search is sent 250 ms after the last keystroke). */
const namesBecome = async (page: Page, expected: string[]) => {
  await page
    .waitForFunction((joined) => [...document.querySelectorAll('#hotlines li h2')].map((name) => name.textContent).join('|') === joined, expected.join('|'), {
      timeout: 10_000,
    })
    .catch(() => undefined)
  return page.locator('#hotlines li h2').allTextContents()
}

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
    await settled(page)
    expect(await names.allTextContents()).toEqual(['Belgische testlijn'])
    await page.selectOption('#country', '')
    await page.selectOption('#spoken', 'fr')
    await settled(page)
    expect(await names.allTextContents()).toEqual(['Belgische testlijn'])
    await page.close()
  })

  test('searches by name and filters through the finder, saying which lines are open', async () => {
    await createHotline(testHost.payload, {
      name: 'Télé-Accueil Bruxelles',
      audiences: ['victims-of-trafficking'],
      availability: { alwaysOpen: true },
      country: 'BE',
      freeOfCharge: true,
      languages: ['fr'],
      phone: '+3225700800',
    })
    await createHotline(testHost.payload, {
      name: 'Paid night line',
      audiences: ['victims-of-crime'],
      country: 'NL',
      freeOfCharge: false,
      languages: ['en'],
      phone: '+31205555555',
    })
    const page = await browser.newPage()
    await page.goto(`${widget.url}/?api=${encodeURIComponent(testHost.baseUrl)}&key=${encodeURIComponent(key)}`)
    const all = ['Télé-Accueil Bruxelles', 'Belgian test line', 'Helpline for victims of crime', 'Paid night line']
    // Open lines first, then by name.
    expect(await namesBecome(page, all)).toEqual(all)
    const status = page.locator('#message')
    expect(await status.textContent()).toBe('4 hotlines found.')
    expect(await status.getAttribute('aria-live')).toBe('polite')
    const item = (name: string) => page.locator('#hotlines li', { has: page.locator('h2', { hasText: name }) })
    expect(await item('Télé-Accueil').locator('.open-state').textContent()).toBe('Open now · 24/7')
    expect(await item('Belgian test line').locator('.open-state').textContent()).toBe('Closed')

    // Every control has a label a screen reader announces.
    for (const label of ['Search by name', 'Country', 'Also EU-wide numbers', 'For', 'Spoken language', 'Free of charge', 'Open now']) {
      expect(await page.getByLabel(label, { exact: true }).count()).toBe(1)
    }

    await page.fill('#q', 'ACCUEIL')
    expect(await namesBecome(page, ['Télé-Accueil Bruxelles'])).toEqual(['Télé-Accueil Bruxelles'])
    expect(await status.textContent()).toBe('1 hotline found.')
    await page.fill('#q', 'tele')
    await page.press('#q', 'Enter')
    await settled(page)
    expect(await page.locator('#hotlines li h2').allTextContents()).toEqual(['Télé-Accueil Bruxelles'])
    await page.fill('#q', 'no such line')
    expect(await namesBecome(page, [])).toEqual([])
    expect(await status.textContent()).toBe('No hotline matches these filters.')
    await page.fill('#q', '')
    expect(await namesBecome(page, all)).toEqual(all)

    await page.selectOption('#country', 'NL')
    expect(await namesBecome(page, ['Paid night line'])).toEqual(['Paid night line'])
    await page.check('#with-eu')
    expect(await namesBecome(page, ['Helpline for victims of crime', 'Paid night line'])).toEqual(['Helpline for victims of crime', 'Paid night line'])
    await page.selectOption('#country', '')
    await page.selectOption('#audience', 'victims-of-trafficking')
    expect(await namesBecome(page, ['Télé-Accueil Bruxelles'])).toEqual(['Télé-Accueil Bruxelles'])
    await page.selectOption('#audience', '')
    await page.selectOption('#spoken', 'en')
    expect(await namesBecome(page, ['Paid night line'])).toEqual(['Paid night line'])
    await page.selectOption('#spoken', '')
    await page.check('#free')
    const free = ['Télé-Accueil Bruxelles', 'Belgian test line', 'Helpline for victims of crime']
    expect(await namesBecome(page, free)).toEqual(free)
    await page.check('#open-now')
    expect(await namesBecome(page, ['Télé-Accueil Bruxelles'])).toEqual(['Télé-Accueil Bruxelles'])
    expect(await status.textContent()).toBe('1 hotline found.')
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
