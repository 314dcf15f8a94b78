/**
 * The hotline widget: a page any partner site can embed. It asks the CMS's hotline finder over
 * GraphQL (with its own API key) for the numbers that match the visitor's search and filters, in
 * the visitor's language, says whether each line is open now, says when a text is shown in English
 * because no translation exists yet, and always shows how recently each number was checked.
 * Configured by the page URL: ?api=<CMS origin>&key=<API key>.
 */
type Hotline = {
  country: string
  id: number | string
  languages: null | string[]
  name: string
  nextChangeAt: null | string
  openNow: boolean
  phone: string
  slug: string
  verification: { status: 'current' | 'due' | 'overdue' | 'unverified' }
}

type Filters = { audience: string; country: string; free: boolean; language: string; openNow: boolean; q: string; withEU: boolean }

const locales: Record<string, string> = {
  de: 'Deutsch', en: 'English', fr: 'Français', hu: 'Magyar', nb: 'Norsk bokmål',
  nl: 'Nederlands', pt: 'Português', ro: 'Română', sq: 'Shqip', sv: 'Svenska',
}

// The CMS's hotline audiences (src/lib/vocabularies.ts); the widget is standalone, so they are listed here.
const audiences: Record<string, string> = {
  children: 'Children',
  'general-public': 'General public',
  'health-practitioners': 'Health practitioners',
  'law-enforcement': 'Law enforcement',
  ngos: 'NGOs',
  victims: 'Victims',
  'victims-of-crime': 'Victims and witnesses of crime',
  'victims-of-trafficking': 'Victims of trafficking',
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

// What the finder found (names with English fallback), and the whole directory without fallback:
// which names are not translated yet, and which countries and languages the filters offer.
const finderQuery = (locale: string) => `
  query Find($q: String, $country: String, $includeEU: Boolean, $audience: String, $language: String, $free: Boolean, $openNow: Boolean) {
    shown: FindHotlines(q: $q, country: $country, includeEU: $includeEU, audience: $audience, language: $language, free: $free, openNow: $openNow, locale: ${locale}, fallbackLocale: en, limit: 50) {
      totalDocs
      docs { id slug name phone country languages openNow nextChangeAt verification { status } }
    }
    translated: Hotlines(locale: ${locale}, fallbackLocale: none, limit: 100) { docs { slug name country languages } }
  }`

/**
 * The search box's part of the query: for now the finder's `q` (every word in the name, case and
 * accents ignored). The one place to change when the full-text search takes over.
 */
const searchVariables = (text: string): Record<string, string> => (text.trim() ? { q: text.trim() } : {})

function variablesOf(filters: Filters): Record<string, unknown> {
  return {
    ...searchVariables(filters.q),
    ...(filters.country ? { country: filters.country, includeEU: filters.withEU } : {}),
    ...(filters.audience ? { audience: filters.audience } : {}),
    ...(filters.language ? { language: filters.language } : {}),
    ...(filters.free ? { free: true } : {}),
    ...(filters.openNow ? { openNow: true } : {}),
  }
}

function currentFilters(): Filters {
  return {
    audience: element<HTMLSelectElement>('audience').value,
    country: element<HTMLSelectElement>('country').value,
    free: element<HTMLInputElement>('free').checked,
    language: element<HTMLSelectElement>('spoken').value,
    openNow: element<HTMLInputElement>('open-now').checked,
    q: element<HTMLInputElement>('q').value,
    withEU: element<HTMLInputElement>('with-eu').checked,
  }
}

function option(select: HTMLSelectElement, value: string, label: string) {
  const item = document.createElement('option')
  item.value = value
  item.textContent = label
  select.append(item)
}

/** "Open now · until 17:00" or "Closed · opens Mon 09:00", in the visitor's own clock. */
function openStateText(hotline: Hotline, locale: string): string {
  const change = hotline.nextChangeAt
    ? new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', weekday: 'short' }).format(new Date(hotline.nextChangeAt))
    : undefined
  if (hotline.openNow) {
    return change ? `Open now · until ${change}` : 'Open now · 24/7'
  }
  return change ? `Closed · opens ${change}` : 'Closed'
}

function render(hotlines: Hotline[], untranslated: Set<string>, locale: string) {
  const list = element<HTMLUListElement>('hotlines')
  list.replaceChildren()
  for (const hotline of hotlines) {
    const item = document.createElement('li')
    item.dataset.slug = hotline.slug
    item.dataset.open = String(hotline.openNow)
    const name = document.createElement('h2')
    name.textContent = hotline.name
    const phone = document.createElement('a')
    phone.className = 'phone'
    phone.href = `tel:${hotline.phone}`
    phone.textContent = hotline.phone
    const openState = document.createElement('span')
    openState.className = `open-state open-state-${hotline.openNow ? 'open' : 'closed'}`
    openState.textContent = openStateText(hotline, locale)
    const status = document.createElement('span')
    status.className = `status status-${hotline.verification.status}`
    status.textContent = statusText[hotline.verification.status]
    item.append(name, phone, openState, document.createTextNode(' '), status)
    if (locale !== 'en' && untranslated.has(hotline.slug)) {
      const notice = document.createElement('p')
      notice.className = 'fallback'
      notice.textContent = `Not yet available in ${locales[locale]}: shown in English.`
      item.append(notice)
    }
    list.append(item)
  }
}

function fillFilterOptions(directory: Array<{ country: string; languages: null | string[] }>) {
  const countries = element<HTMLSelectElement>('country')
  if (countries.options.length > 1) {
    return
  }
  for (const code of [...new Set(directory.map((hotline) => hotline.country))].sort()) {
    option(countries, code, code === 'EU' ? 'EU-wide' : code)
  }
  const spoken = element<HTMLSelectElement>('spoken')
  for (const code of [...new Set(directory.flatMap((hotline) => hotline.languages ?? []))].sort()) {
    option(spoken, code, code)
  }
}

// Answers can arrive out of order while someone types: only the latest search is shown.
let latestSearch = 0

async function load() {
  const search = ++latestSearch
  const locale = element<HTMLSelectElement>('locale').value
  document.documentElement.lang = locale
  const message = element('message')
  message.setAttribute('role', 'status')
  message.textContent = 'Loading…'
  try {
    type Data = {
      shown: { docs: Hotline[]; totalDocs: number }
      translated: { docs: Array<{ country: string; languages: null | string[]; name: null | string; slug: string }> }
    }
    const data = await query<Data>(finderQuery(locale), variablesOf(currentFilters()))
    if (search !== latestSearch) {
      return
    }
    fillFilterOptions(data.translated.docs)
    const untranslated = new Set(data.translated.docs.filter((doc) => !doc.name).map((doc) => doc.slug))
    render(data.shown.docs, untranslated, locale)
    const total = data.shown.totalDocs
    message.textContent = total ? `${total} ${total === 1 ? 'hotline' : 'hotlines'} found.` : 'No hotline matches these filters.'
  } catch (error) {
    if (search === latestSearch) {
      element<HTMLUListElement>('hotlines').replaceChildren()
      message.setAttribute('role', 'alert')
      message.textContent = (error as Error).message
    }
  }
}

const localeSelect = element<HTMLSelectElement>('locale')
for (const [code, label] of Object.entries(locales)) {
  option(localeSelect, code, label)
}
localeSelect.value = params.get('locale') ?? 'en'
for (const [value, label] of Object.entries(audiences)) {
  option(element<HTMLSelectElement>('audience'), value, label)
}

let typing: ReturnType<typeof setTimeout> | undefined
element<HTMLFormElement>('filters').addEventListener('change', () => void load())
element<HTMLInputElement>('q').addEventListener('input', () => {
  clearTimeout(typing)
  typing = setTimeout(() => void load(), 250)
})
element<HTMLFormElement>('filters').addEventListener('submit', (event) => {
  event.preventDefault()
  clearTimeout(typing)
  void load()
})
void load()
