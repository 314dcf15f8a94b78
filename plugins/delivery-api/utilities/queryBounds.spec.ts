import { isIdOfKind, whereProblem } from './queryBounds'

const bounds = { maxConditions: 5, maxDepth: 2, maxPatternLength: 10, maxPatternWildcards: 2 }

describe('isIdOfKind', () => {
  test.each([
    ['12', 'number', true],
    [12, 'number', true],
    ['abc', 'number', false],
    ['1e309', 'number', false],
    ['1.5', 'number', false],
    [' 1', 'number', false],
    ['9007199254740993', 'number', false],
    ['507f1f77bcf86cd799439011', 'objectId', true],
    ['507f1f77bcf86cd79943901z', 'objectId', false],
    [123, 'objectId', false],
    ['anything', 'text', true],
    ['', 'text', false],
    [null, 'number', true],
  ] as const)('%p as %s → %p', (value, kind, expected) => {
    expect(isIdOfKind(value, kind)).toBe(expected)
  })
})

describe('whereProblem', () => {
  test.each([
    [{ name: { equals: 'x' } }, undefined],
    [{ or: [{ and: [{ name: { equals: 'x' } }] }] }, undefined],
    [{ or: [{ and: [{ or: [{ name: { equals: 'x' } }] }] }] }, /deeper than 2/],
    [{ name: { in: ['a', 'b', 'c', 'd', 'e', 'f'] } }, /more than 5 conditions/],
    [{ name: { in: 'a,b,c,d,e,f' } }, /more than 5 conditions/],
    [{ name: { like: '%%%' } }, /wildcards/],
    [{ name: { like: 'x'.repeat(11) } }, /at most 10 characters/],
    [{ id: { equals: 'abc' } }, /not a valid id/],
    [{ name: { near: '1,2' } }, /point fields only/],
    ['text', /must be an object/],
    [{ name: 'x' }, /must be an object of operators/],
  ])('%j', (where, expected) => {
    const problem = whereProblem(where, bounds, 'number')
    if (expected) {
      expect(problem).toMatch(expected)
    } else {
      expect(problem).toBeUndefined()
    }
  })

  test('a 100,000-level where is judged without recursion', () => {
    let where: Record<string, unknown> = { name: { equals: 'x' } }
    for (let level = 0; level < 100_000; level += 1) {
      where = { or: [where] }
    }
    expect(whereProblem(where, bounds, 'number')).toMatch(/deeper than 2/)
  })
})
