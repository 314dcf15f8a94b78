/**
 * The programme's controlled vocabularies. Values are stable API identifiers (kebab-case); labels
 * are for the admin UI.
 */
type Option = { label: string; value: string }

const options = (entries: Record<string, string>): Option[] =>
  Object.entries(entries).map(([value, label]) => ({ label, value }))

export const practitionerAudiences = options({
  'border-guards': 'Border guards',
  'health-practitioners': 'Health practitioners',
  judiciary: 'Judiciary',
  'law-enforcement': 'Law enforcement',
  ngos: 'NGOs',
  'policy-makers': 'Policy makers',
  'project-implementers': 'Project implementers',
})

/**
 * Who a hotline is for. The programme is about trafficked persons, and its brief names "witnesses
 * and crime victims" apart (the EU's 116 006 is the victims-of-crime line): a person looking for
 * help picks one of those, so they are options of their own beside the broad `victims`.
 */
export const hotlineAudiences = options({
  children: 'Children',
  'general-public': 'General public',
  'health-practitioners': 'Health practitioners',
  'law-enforcement': 'Law enforcement',
  ngos: 'NGOs',
  victims: 'Victims',
  'victims-of-crime': 'Victims and witnesses of crime',
  'victims-of-trafficking': 'Victims of trafficking',
})

export const phaseStatuses = options({
  active: 'Active',
  closed: 'Closed',
  'in-review': 'In review',
  planned: 'Planned',
})

export const activityKinds = options({
  conference: 'Conference',
  'expert-group-meeting': 'Expert-group meeting',
  other: 'Other',
  'pilot-training': 'Pilot training',
  report: 'Report',
  'steering-group-meeting': 'Steering-group meeting',
})

export const deliverableTypes = options({
  'background-paper': 'Background paper',
  'conference-proceedings': 'Conference proceedings',
  'handbook-for-implementers': 'Handbook for implementers',
  'hotline-directory': 'Hotline directory',
  other: 'Other',
  'pocket-card': 'Pocket card',
  'practitioners-manual': "Practitioners' manual",
  'training-curriculum': 'Training curriculum',
})

export const workStatuses = options({
  approved: 'Approved',
  'in-progress': 'In progress',
  'not-started': 'Not started',
  'ready-for-review': 'Ready for review',
})

export const partnerSectors = options({
  'border-guard': 'Border guard',
  government: 'Government',
  'health-authority': 'Health authority',
  'international-organisation': 'International organisation',
  judiciary: 'Judiciary',
  'law-enforcement': 'Law enforcement',
  ngo: 'NGO',
  university: 'University',
})

export const partnerRoles = options({
  associate: 'Associate',
  coordinator: 'Coordinator',
  partner: 'Partner',
  'pilot-country-expert': 'Pilot-country expert',
})

export const deliveryMethods = options({
  'case-study': 'Case study',
  'e-learning': 'E-learning',
  'group-exercise': 'Group exercise',
  lecture: 'Lecture',
  'role-play': 'Role play',
})

export const reportTypes = options({
  'background-paper': 'Background paper',
  'conference-proceedings': 'Conference proceedings',
  'evaluation-report': 'Evaluation report',
  'final-report': 'Final report',
  'interim-evaluation': 'Interim evaluation',
  'pilot-country-evaluation': 'Pilot-country evaluation',
  strategy: 'Strategy',
})

/** Sectors whose participants a pilot-country evaluation counts. */
export const trainedSectors = options({
  border: 'Border',
  health: 'Health',
  judiciary: 'Judiciary',
  lawEnforcement: 'Law enforcement',
  ngo: 'NGO',
  other: 'Other',
})

export const weekdays = options({
  fri: 'Friday',
  mon: 'Monday',
  sat: 'Saturday',
  sun: 'Sunday',
  thu: 'Thursday',
  tue: 'Tuesday',
  wed: 'Wednesday',
})
