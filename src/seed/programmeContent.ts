/**
 * The Joint Efforts programme as its project description states it (shared/seeds/
 * project-description.txt), in our own words. Facts and figures are carried over; nothing else is
 * invented — in particular no national hotline number, only the EU-wide harmonised ones.
 */
export const programme = {
  name: 'Joint Efforts of Police and Health Authorities in the EU Member States and Third Countries to Combat and Prevent Trafficking in Human Beings and Protect and Assist Victims of Trafficking',
  conclusionConference: { date: '2014-03-06', expectedParticipants: 100, place: 'Brussels' },
  durationMonths: 29,
  fundingStatement: 'With the support of the European Commission.',
  participantTarget: 160,
  pilotCountries: ['AT', 'NL', 'AL', 'MD', 'GB', 'SE'],
  startDate: '2011-10-20',
}

/** Countries whose agencies take part, besides selected third countries. */
export const participatingCountries = ['BE', 'HU', 'SE', 'LU', 'NL', 'PT', 'RO', 'AT', 'AL', 'MD', 'GB', 'NO']

type Activity = { country?: string; date?: string; kind: string; location?: string; title: string }

export const phases: Array<{
  activities: Activity[]
  endDate?: string
  number: number
  objectives: string[]
  startDate?: string
  summary: string[]
  title: string
}> = [
  {
    activities: [
      { kind: 'steering-group-meeting', title: 'Project Steering Group meeting' },
      { kind: 'other', title: 'Stocktaking and data collection on health care support in selected Member States' },
    ],
    number: 1,
    objectives: [
      'Share and analyse current practice in health care support for trafficked persons',
      'Identify the challenges practitioners face in selected Member States',
    ],
    startDate: '2011-10-20',
    summary: [
      'The planning phase brings the Project Steering Group together and collects data on how victims of trafficking receive health care today, so that current practice and its gaps can be shared and analysed straight away.',
    ],
    title: 'Planning Phase',
  },
  {
    activities: [
      { kind: 'conference', title: 'Project Kick-Off Conference' },
      { kind: 'expert-group-meeting', title: 'Expert Group Meeting 1 (two days)' },
      { kind: 'expert-group-meeting', title: 'Expert Group Meeting 2 (two days)' },
      { kind: 'expert-group-meeting', title: 'Expert Group Meeting 3 (two days)' },
    ],
    number: 2,
    objectives: [
      'Work out the key gaps and decide which issues the training must cover',
      'Give the training programme a coherent structure',
      'Provide subject-matter expertise for every learning objective',
    ],
    summary: [
      'Participants, beneficiaries and experts elaborate on the key gaps and prioritise the issues to include in the training, starting with the Kick-Off Conference and continuing in three two-day Expert Group Meetings.',
    ],
    title: 'Preparation Phase',
  },
  {
    activities: [
      { kind: 'steering-group-meeting', title: 'Project Steering Group meeting: review of the draft training curriculum' },
    ],
    number: 3,
    objectives: [
      'Assemble the content contributed during preparation into one curriculum',
      'Keep the Expert Group in a continuous feedback loop',
      'Have a draft curriculum ready for translation and testing',
    ],
    summary: [
      'The training specialist pulls the contributed material together while the Expert Group gives continuous feedback. A Steering Group meeting at the end reviews the draft curriculum, which then goes to translation and testing.',
    ],
    title: 'Development Phase',
  },
  {
    activities: [
      { country: 'AT', kind: 'pilot-training', title: 'Pilot training in Austria' },
      { country: 'NL', kind: 'pilot-training', title: 'Pilot training in the Netherlands' },
      { country: 'AL', kind: 'pilot-training', title: 'Pilot training in Albania' },
      { country: 'MD', kind: 'pilot-training', title: 'Pilot training in Moldova' },
      { country: 'GB', kind: 'pilot-training', title: 'Pilot training in the United Kingdom' },
      { country: 'SE', kind: 'pilot-training', title: 'Pilot training in Sweden' },
    ],
    number: 4,
    objectives: [
      'Deliver the curriculum in six pilot countries to mixed audiences of 25 to 40 participants',
      'Have each course monitored and evaluated by the country expert',
      'Train 160 participants and collect feedback on the training’s effectiveness',
    ],
    summary: [
      'The curriculum is delivered in Austria, the Netherlands, Albania, Moldova, the United Kingdom and Sweden to mixed audiences of law enforcement, border security, health specialists and NGOs. Each country expert evaluates the course and reports to the Project Steering/Management Committee Group.',
    ],
    title: 'Testing and Implementation Phase',
  },
  {
    activities: [
      {
        country: 'BE',
        date: '2014-03-06',
        kind: 'conference',
        location: 'Brussels',
        title: 'Project Conclusion Conference',
      },
    ],
    endDate: '2014-03-20',
    number: 5,
    objectives: [
      'Review the project objectives and write the final reports',
      'Finalise every deliverable for publication and dissemination',
      'Develop recommendations with up to 100 stakeholders for standardising health care and support for victims',
    ],
    summary: [
      'The final phase reviews the objectives, produces the final reports and finalises the deliverables. At the Conclusion Conference in Brussels on 6 March 2014, up to 100 stakeholders from the Member States learn the results, receive the deliverables and develop recommendations together.',
    ],
    title: 'Project Evaluation and Conclusions',
  },
]

export const deliverables = [
  {
    type: 'training-curriculum',
    audiences: ['law-enforcement', 'border-guards', 'ngos', 'health-practitioners'],
    phase: 3,
    title: 'Training curriculum for law enforcement, border security, NGOs and health practitioners',
  },
  {
    type: 'pocket-card',
    audiences: ['law-enforcement', 'border-guards', 'health-practitioners', 'ngos'],
    // General indicators as the UN and the EU's anti-trafficking guidance list them; the Expert
    // Group adapts them per sector.
    indicators: [
      'Does not hold their own passport or identity documents',
      'Is not free to leave their work or where they live',
      'Owes a debt to an employer or recruiter they cannot pay back',
      'Is accompanied by someone who answers for them',
      'Works excessive hours for little or no pay',
      'Shows signs of physical or psychological abuse',
      'Is afraid of the authorities or of reprisals against their family',
    ],
    phase: 5,
    title: 'Pocket cards for practitioners on indicators of trafficking',
  },
  {
    type: 'practitioners-manual',
    audiences: ['law-enforcement', 'health-practitioners', 'policy-makers'],
    phase: 5,
    title: 'Manual for practitioners and policy makers on improving assistance to victims of trafficking',
  },
  {
    type: 'background-paper',
    audiences: ['policy-makers', 'project-implementers'],
    phase: 5,
    title: 'Background papers, reports, strategies and conference proceedings',
  },
  {
    type: 'handbook-for-implementers',
    audiences: ['project-implementers', 'policy-makers'],
    phase: 5,
    title: 'Handbook for project developers and implementers on implementing the training programme',
  },
  {
    type: 'hotline-directory',
    audiences: ['law-enforcement', 'health-practitioners', 'ngos'],
    phase: 5,
    title: 'Directory of hotlines for law enforcement, health practitioners, victims and NGOs',
  },
]

export const coordinator = {
  name: 'Payoke',
  acronym: 'Payoke',
  country: 'BE',
  role: 'coordinator',
  sector: 'ngo',
}

/** A skeleton curriculum: titles and order only, for the Expert Group to fill in. */
export const trainingModules = [
  { code: 'M1', title: 'Trafficking in human beings: forms, law and victims’ rights' },
  { code: 'M2', title: 'Identifying victims: indicators for practitioners' },
  { code: 'M3', title: 'Health and mental health needs of trafficked persons' },
  { code: 'M4', title: 'Unaccompanied minors' },
  { code: 'M5', title: 'Multi-agency cooperation and referral' },
  { code: 'M6', title: 'Supporting victims before, during and after criminal proceedings' },
]

/** The EU-wide harmonised numbers only; never invent a national number. */
export const hotlines = [
  { name: 'European emergency number', audiences: ['general-public', 'victims'], phone: '112' },
  { name: 'Hotline for missing children', audiences: ['general-public', 'children'], phone: '116000' },
  { name: 'Helpline for victims of crime', audiences: ['victims', 'victims-of-crime', 'general-public'], phone: '116006' },
  { name: 'Child helpline', audiences: ['children'], phone: '116111' },
]
