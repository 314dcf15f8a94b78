import { findPrerequisiteCycle } from './prerequisiteCycle'

const graph = (edges: Record<string, string[]>) => (id: number | string) => edges[String(id)] ?? []

describe('findPrerequisiteCycle', () => {
  test.each([
    ['no prerequisites', { M1: [] }, 'M1', null],
    ['a chain', { M1: [], M2: ['M1'], M3: ['M2'] }, 'M3', null],
    ['a diamond', { M1: [], M2: ['M1'], M3: ['M1'], M4: ['M2', 'M3'] }, 'M4', null],
    ['itself', { M1: ['M1'] }, 'M1', ['M1', 'M1']],
    ['two modules', { M1: ['M2'], M2: ['M1'] }, 'M1', ['M1', 'M2', 'M1']],
    ['a long loop', { M1: ['M2'], M2: ['M3'], M3: ['M4'], M4: ['M1'] }, 'M1', ['M1', 'M2', 'M3', 'M4', 'M1']],
    ['a loop elsewhere', { M1: ['M2'], M2: ['M3'], M3: ['M2'] }, 'M1', null],
  ])('%s', (_label, edges, start, expected) => {
    expect(findPrerequisiteCycle(start, graph(edges))).toEqual(expected)
  })
})
