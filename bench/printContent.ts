/**
 * Published, released content for the print templates, written through the Local API with every
 * hook on (so the print plugin queues its jobs as it does for an editor): a pocket card translated
 * into Hungarian and Romanian, a practitioners' manual of `manualModules` training modules, and
 * verified hotlines. Used by the print benchmark (bench/print.ts) and by the script that draws the
 * pocket-card previews in docs/ (scripts/print-previews.ts).
 */
import type { Payload } from 'payload'

import { paragraphs } from '../src/lib/richText'

type Id = number | string
type Node = Record<string, unknown>

const textNode = (text: string): Node => ({ type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text, version: 1 })
const block = { direction: 'ltr', format: '', indent: 0, version: 1 }
const heading = (tag: 'h2' | 'h3', text: string): Node => ({ ...block, type: 'heading', children: [textNode(text)], tag })
const paragraph = (text: string): Node => ({ ...block, type: 'paragraph', children: [textNode(text)], textFormat: 0 })
const bullets = (items: string[]): Node => ({
  ...block,
  type: 'list',
  children: items.map((item, index) => ({ ...block, type: 'listitem', children: [textNode(item)], value: index + 1 })),
  listType: 'bullet',
  start: 1,
  tag: 'ul',
})

const sentences = [
  'Practitioners who meet a possible victim first make sure the person is safe and understands what happens next.',
  'Identification rarely rests on a single indicator: it is the combination of signs, and the person’s own account, that counts.',
  'Interpreters are chosen with care, never from the person’s own community or from anyone who accompanied them.',
  'Referral follows the national referral mechanism, with the person’s informed consent wherever the law allows it.',
  'Health needs, including mental health, are assessed early and met whether or not the person cooperates with the authorities.',
  'Every agency records what it did and whom it informed, so that the next practitioner does not repeat the questions.',
]

/** One module's rich text: about a page and a quarter of A4 with headings, paragraphs and a list. */
function moduleContent(index: number): Node {
  const text = (offset: number, count: number) =>
    Array.from({ length: count }, (_, n) => sentences[(index + offset + n) % sentences.length]).join(' ')
  return {
    root: {
      ...block,
      type: 'root',
      children: [
        heading('h2', 'Why this matters'),
        paragraph(text(0, 6)),
        paragraph(text(2, 6)),
        heading('h3', 'What to do'),
        bullets(['Ensure immediate safety', 'Explain the person’s rights in a language they understand', 'Contact the referral point', 'Record what was done']),
        paragraph(text(4, 6)),
        heading('h3', 'Working with other agencies'),
        paragraph(text(1, 6)),
        paragraph(text(3, 6)),
      ],
    },
  }
}

/** The seed's card indicators (src/seed/programmeContent.ts) with their Hungarian and Romanian wording. */
const indicators: Array<Record<'en' | 'hu' | 'ro', string>> = [
  {
    en: 'Does not hold their own passport or identity documents',
    hu: 'Nem nála van a saját útlevele vagy személyazonosító okmánya',
    ro: 'Nu deține propriul pașaport sau propriile acte de identitate',
  },
  {
    en: 'Is not free to leave their work or where they live',
    hu: 'Nem hagyhatja el szabadon a munkahelyét vagy a lakóhelyét',
    ro: 'Nu își poate părăsi liber locul de muncă sau locuința',
  },
  {
    en: 'Owes a debt to an employer or recruiter they cannot pay back',
    hu: 'Olyan adóssága van a munkáltatója vagy a toborzója felé, amelyet nem tud visszafizetni',
    ro: 'Are față de un angajator sau recrutor o datorie pe care nu o poate plăti',
  },
  {
    en: 'Is accompanied by someone who answers for them',
    hu: 'Valaki kíséri, aki helyette válaszol',
    ro: 'Este însoțit de cineva care răspunde în locul său',
  },
  {
    en: 'Works excessive hours for little or no pay',
    hu: 'Túlzottan sokat dolgozik, kevés fizetésért vagy fizetés nélkül',
    ro: 'Lucrează excesiv de multe ore, pentru o plată mică sau fără plată',
  },
  {
    en: 'Shows signs of physical or psychological abuse',
    hu: 'Testi vagy lelki bántalmazás jeleit mutatja',
    ro: 'Prezintă semne de abuz fizic sau psihic',
  },
  {
    en: 'Is afraid of the authorities or of reprisals against their family',
    hu: 'Fél a hatóságoktól vagy a családja elleni megtorlástól',
    ro: 'Se teme de autorități sau de represalii împotriva familiei sale',
  },
]

const cardTitle = {
  en: 'Pocket card for practitioners: indicators of trafficking',
  hu: 'Zsebkártya szakembereknek: az emberkereskedelem jelei',
  ro: 'Card de buzunar pentru practicieni: indicatorii traficului de persoane',
}

export const printedLocales = ['en', 'hu', 'ro'] as const

export type PrintContent = { card: Id; manual: Id; modules: Id[]; phase: Id }

/** Verified ten days ago, to be checked again every 180 days: printable. */
const verification = () => ({ intervalDays: 180, lastVerifiedAt: new Date(Date.now() - 10 * 86_400_000).toISOString() })

export async function seedPrintContent(payload: Payload, { manualModules }: { manualModules: number }): Promise<PrintContent> {
  const create = (collection: 'deliverables' | 'hotlines' | 'phases' | 'training-modules', data: Record<string, unknown>) =>
    payload.create({ collection, data: { _status: 'published', ...data } as never, locale: 'en', overrideAccess: true })
  const phase = await create('phases', { number: 5, summary: paragraphs('Final reports and the deliverables.'), title: 'Project Evaluation and Conclusions' })
  // The steering group's go: what releases the phase's deliverables to the public and to print.
  await payload.update({
    collection: 'gates',
    data: { decidedAt: new Date().toISOString(), decision: 'go' } as never,
    overrideAccess: true,
    where: { phase: { equals: phase.id } },
  })
  // Romania's national anti-trafficking line (ANITP) and EU-wide harmonised numbers.
  for (const hotline of [
    { name: 'National anti-trafficking helpline (ANITP)', country: 'RO', phone: '0800 800 678' },
    { name: 'European emergency number', country: 'EU', phone: '112' },
    { name: 'Helpline for victims of crime', country: 'EU', phone: '116006' },
    { name: 'Hotline for missing children', country: 'EU', phone: '116000' },
  ]) {
    await create('hotlines', { ...hotline, verification: verification() })
  }
  const card = (await create('deliverables', {
    type: 'pocket-card',
    audiences: ['law-enforcement', 'border-guards', 'health-practitioners', 'ngos'],
    indicators: indicators.map(({ en }) => ({ indicator: en })),
    phase: phase.id,
    printCountry: 'RO',
    title: cardTitle.en,
  })) as unknown as { id: Id; indicators: Array<{ id: string }> }
  for (const locale of ['hu', 'ro'] as const) {
    await payload.update({
      id: card.id,
      collection: 'deliverables',
      data: { indicators: card.indicators.map(({ id }, index) => ({ id, indicator: indicators[index]![locale] })), title: cardTitle[locale] } as never,
      locale,
      overrideAccess: true,
    })
  }
  const modules: Id[] = []
  for (let index = 0; index < manualModules; index += 1) {
    const module = await create('training-modules', {
      code: `M${index + 1}`,
      content: moduleContent(index),
      learningObjectives: [{ objective: 'Recognise the indicators that apply to this sector' }, { objective: 'Refer the person to the right service' }],
      phase: phase.id,
      title: `Module ${index + 1}: assisting victims in practice`,
    })
    modules.push(module.id)
  }
  const manual = await create('deliverables', {
    type: 'practitioners-manual',
    audiences: ['law-enforcement', 'health-practitioners', 'policy-makers'],
    description: paragraphs('How law enforcement, health practitioners and policy makers identify, refer and assist victims of trafficking.'),
    phase: phase.id,
    title: 'Manual for practitioners and policy makers',
    trainingModules: modules,
  })
  return { card: card.id, manual: manual.id, modules, phase: phase.id }
}
