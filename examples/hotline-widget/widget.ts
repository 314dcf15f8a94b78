/**
 * The hotline widget: a page any partner site can embed. It asks the CMS's GraphQL API (with its
 * own API key) for the hotline directory in the visitor's language, says when a text is shown in
 * English because no translation exists yet, and always shows how recently each number was
 * checked. Configured by the page URL: ?api=<CMS origin>&key=<API key>.
 */
type Hotline = {
  country: string
  languages: null | string[]
  name: string
  phone: string
  slug: string
  verification: { status: 'current' | 'due' | 'overdue' | 'unverified' }
}

const locales: Record<string, string> = {
  de: 'Deutsch', en: 'English', fr: 'Français', hu: 'Magyar', nb: 'Norsk bokmål',
  nl: 'Nederlands', pt: 'Português', ro: 'Română', sq: 'Shqip', sv: 'Svenska',
}

const statusText: Record<Hotline['verification']['status'], string> = {
  current: 'checked recently',
  due: 'check due soon',
  overdue: 'not checked recently — confirm before relying on it',
  unverified: 'not yet verified — confirm before relying on it',
}

const params = new URLSearchParams(location.search)
const api = params.get('api') ?? location.origin
const key = params.get('key') ?? ''

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T

async function query<T>(text: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${api}/api/graphql`, {
    body: JSON.stringify({ query: text, variables }),
    headers: { authorization: `API-Key ${key}`, 'content-type': 'application/json' },
    method: 'POST',
  })
  const result = (await response.json()) as { data?: T; errors?: Array<{ message: string }> }
  if (!response.ok || result.errors?.length || !result.data) {
    throw new Error(result.errors?.[0]?.message ?? `The directory answered ${response.status}.`)
  }
  return result.data
}

// The same list twice: once with English fallback (what we show), once without (to know which
// names are not translated yet).
const directoryQuery = (locale: string) => `
  query Directory {
    shown: Hotlines(locale: ${locale}, fallbackLocale: en, limit: 100, sort: "name") {
      docs { slug name phone country languages verification { status } }
    }
    translated: Hotlines(locale: ${locale}, fallbackLocale: none, limit: 100) { docs { slug name } }
  }`

function option(select: HTMLSelectElement, value: string, label: string) {
  const item = document.createElement('option')
  item.value = value
  item.textContent = label
  select.append(item)
}

function render(hotlines: Hotline[], untranslated: Set<string>, locale: string) {
  const list = element<HTMLUListElement>('hotlines')
  list.replaceChildren()
  const country = element<HTMLSelectElement>('country').value
  const spoken = element<HTMLSelectElement>('spoken').value
  const shown = hotlines.filter(
    (hotline) => (!country || hotline.country === country) && (!spoken || hotline.languages?.includes(spoken)),
  )
  for (const hotline of shown) {
    const item = document.createElement('li')
    item.dataset.slug = hotline.slug
    const name = document.createElement('h2')
    name.textContent = hotline.name
    const phone = document.createElement('a')
    phone.className = 'phone'
    phone.href = `tel:${hotline.phone}`
    phone.textContent = hotline.phone
    const status = document.createElement('span')
    status.className = `status status-${hotline.verification.status}`
    status.textContent = statusText[hotline.verification.status]
    item.append(name, phone, document.createTextNode(' '), status)
    if (locale !== 'en' && untranslated.has(hotline.slug)) {
      const notice = document.createElement('p')
      notice.className = 'fallback'
      notice.textContent = `Not yet available in ${locales[locale]}: shown in English.`
      item.append(notice)
    }
    list.append(item)
  }
  element('message').textContent = shown.length ? '' : 'No hotline matches these filters.'
}

async function load() {
  const locale = element<HTMLSelectElement>('locale').value
  document.documentElement.lang = locale
  element('message').textContent = 'Loading…'
  try {
    const data = await query<{ shown: { docs: Hotline[] }; translated: { docs: Array<{ name: null | string; slug: string }> } }>(
      directoryQuery(locale),
      {},
    )
    const untranslated = new Set(data.translated.docs.filter((doc) => !doc.name).map((doc) => doc.slug))
    const countries = element<HTMLSelectElement>('country')
    if (countries.options.length === 1) {
      for (const code of [...new Set(data.shown.docs.map((hotline) => hotline.country))].sort()) {
        option(countries, code, code === 'EU' ? 'EU-wide' : code)
      }
      const spoken = element<HTMLSelectElement>('spoken')
      for (const code of [...new Set(data.shown.docs.flatMap((hotline) => hotline.languages ?? []))].sort()) {
        option(spoken, code, code)
      }
    }
    const render_ = () => render(data.shown.docs, untranslated, locale)
    element('country').onchange = render_
    element('spoken').onchange = render_
    render_()
  } catch (error) {
    const message = element('message')
    message.setAttribute('role', 'alert')
    message.textContent = (error as Error).message
  }
}

const localeSelect = element<HTMLSelectElement>('locale')
for (const [code, label] of Object.entries(locales)) {
  option(localeSelect, code, label)
}
localeSelect.value = params.get('locale') ?? 'en'
localeSelect.onchange = () => void load()
void load()
