import type { CollectionConfig, Config } from 'payload'

import { phaseGate } from '.'

const userHook = () => undefined

const baseConfig = (): Config =>
  ({
    collections: [
      { slug: 'phases', fields: [{ name: 'title', type: 'text' }], hooks: { afterChange: [userHook] } },
      {
        slug: 'deliverables',
        fields: [{ name: 'phase', type: 'relationship', relationTo: 'phases' }],
        hooks: { beforeOperation: [userHook] },
      },
      { slug: 'partners', fields: [{ name: 'name', type: 'text' }] },
      { slug: 'users', auth: true, fields: [] },
    ],
    custom: { other: true },
    jobs: { tasks: [{ slug: 'existing', handler: userHook }] },
  }) as unknown as Config

const never = () => false

const options = {
  access: { isAdmin: never, isEditor: never, isStaff: never, isSteeringMember: never },
  gated: [{ collection: 'deliverables', phaseField: 'phase' }],
  phases: {},
}

const find = (config: Config, slug: string) => config.collections!.find((collection) => collection.slug === slug) as CollectionConfig

describe('phaseGate as a config transform', () => {
  test('adds its collections, the phase fields and its jobs, keeping what was configured', () => {
    const config = phaseGate(options)(baseConfig())
    expect(config.collections!.map(({ slug }) => slug)).toEqual([
      'phases',
      'deliverables',
      'partners',
      'users',
      'gates',
      'gate-rounds',
      'gate-votes',
      'gate-events',
    ])
    expect(find(config, 'phases').fields.map((field) => ('name' in field ? field.name : ''))).toEqual([
      'title',
      'gatePanel',
      'gate',
      'gateOverrideReason',
    ])
    expect(find(config, 'phases').hooks?.afterChange?.[0]).toBe(userHook)
    expect(find(config, 'phases').hooks?.afterChange).toHaveLength(2)
    expect(find(config, 'deliverables').hooks?.beforeOperation?.[0]).toBe(userHook)
    expect(find(config, 'deliverables').hooks?.beforeOperation).toHaveLength(2)
    expect(find(config, 'deliverables').access?.read).toEqual(expect.any(Function))
    expect(find(config, 'partners')).toEqual(baseConfig().collections![2])
    expect(config.jobs?.tasks?.map(({ slug }) => slug)).toEqual(['existing', 'phaseGateCloseRound', 'phaseGateRemindVoters'])
    expect(config.custom).toEqual({ other: true })
    expect(config.admin?.components?.views?.steering).toEqual({
      Component: '/plugins/phase-gate/components/SteeringView#SteeringView',
      path: '/steering',
    })
  })

  test('with the translation workflow, it adds its publish guard to the workflow contract', () => {
    const publishGuards: unknown[] = []
    const config = phaseGate(options)({ ...baseConfig(), custom: { translationWorkflow: { publishGuards } } })
    expect(publishGuards).toEqual([expect.any(Function)])
    expect(config.custom?.translationWorkflow.publishGuards).toBe(publishGuards)
  })

  test('slugs and the phases collection come from the options', () => {
    const config = phaseGate({ ...options, slugs: { events: 'audit', gates: 'g', rounds: 'r', votes: 'v' } })(baseConfig())
    expect(config.collections!.slice(-4).map(({ slug }) => slug)).toEqual(['g', 'r', 'v', 'audit'])
    expect(() => phaseGate({ ...options, phases: { slug: 'stages' } })(baseConfig())).toThrow(
      'phaseGate: collection "stages" is not in the config.',
    )
    expect(() => phaseGate({ ...options, gated: [{ collection: 'reports', phaseField: 'phase' }] })(baseConfig())).toThrow(/"reports"/)
  })

  test('disabled, it keeps the schema (collections, fields, jobs) but adds no checks', () => {
    const config = phaseGate({ ...options, enabled: false })(baseConfig())
    expect(config.collections).toHaveLength(8)
    expect(find(config, 'phases').fields).toHaveLength(4)
    expect(find(config, 'deliverables').hooks?.beforeOperation).toHaveLength(1)
    expect(find(config, 'phases').hooks?.afterChange).toHaveLength(1)
    expect(config.jobs?.tasks).toHaveLength(3)
    expect(config.custom).toEqual({ other: true })
  })
})
