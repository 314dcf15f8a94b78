import { parse } from 'graphql'

import { fragmentCycle, graphqlBodyProblem, jsonBodyProblem, jsonDepth } from './jsonBodyGuard'

const bytes = (text: string) => new TextEncoder().encode(text)

describe('jsonDepth', () => {
  test.each([
    ['{}', 1],
    ['[[[]]]', 3],
    ['{"a":"[[[[["}', 1],
    ['{"a":"\\"[[["}', 1],
    [`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 100_000],
  ])('%s', (text, depth) => {
    expect(jsonDepth(text)).toBe(depth)
  })
})

describe('jsonBodyProblem', () => {
  test.each([
    ['application/json', '{"a":1}', undefined],
    ['application/json; charset=utf-8', '{"a":1}', undefined],
    ['text/plain', '{"a":1}', 415],
    [undefined, '{"a":1}', 415],
    // Invalid JSON without a forbidden key is left to Payload, which answers 400 itself.
    ['application/json', '{"a":', undefined],
    ['application/json', '{"prototype":', 400],
    ['application/json', '{"__proto__":{"x":1}}', 400],
    ['application/json', '{"a":[{"constructor":{"prototype":{}}}]}', 400],
    ['application/json', `${'['.repeat(100)}${']'.repeat(100)}`, undefined],
    ['application/json', `${'['.repeat(101)}${']'.repeat(101)}`, 400],
    ['application/x-www-form-urlencoded', 'where[a][equals]=1', undefined],
    ['application/xliff+xml', '<xliff/>', undefined],
    ['application/x-tmx+xml', '<tmx/>', undefined],
  ])('%s %s → %p', (type, body, status) => {
    expect(jsonBodyProblem(type, bytes(body))?.status).toBe(status)
  })

  test('an array of 300,000 items is walked without overflowing the stack', () => {
    expect(jsonBodyProblem('application/json', bytes(`[${Array.from({ length: 300_000 }, () => '{}').join(',')}]`))).toBeUndefined()
  })

  test('invalid UTF-8 is refused', () => {
    expect(jsonBodyProblem('application/json', new Uint8Array([0x22, 0xc3, 0x28, 0x22]))?.message).toMatch(/UTF-8/)
  })
})

describe('graphqlBodyProblem', () => {
  test.each([
    ['{"query":"{ a }"}', undefined],
    ['[{"query":"{ a }"}]', /batches/],
    ['{"query":1}', /needs a query/],
    [JSON.stringify({ query: `{ ${'a '.repeat(2000)}}` }), /tokens/],
    [JSON.stringify({ query: '{ a }', variables: { v: Array.from({ length: 3000 }, () => 1) } }), /at most 1000 values/],
    [JSON.stringify({ query: '{ ...x } fragment x on Q { ...y } fragment y on Q { ...x }' }), /fragment cycles/],
  ])('%s', (body, expected) => {
    const problem = graphqlBodyProblem('application/json', bytes(body))
    if (expected) {
      expect(problem?.message).toMatch(expected)
    } else {
      expect(problem).toBeUndefined()
    }
  })

  test('fragmentCycle finds indirect cycles only', () => {
    expect(fragmentCycle(parse('{ ...a } fragment a on Q { ...b } fragment b on Q { f }'))).toBeUndefined()
    expect(fragmentCycle(parse('{ ...a } fragment a on Q { ...b } fragment b on Q { ...c } fragment c on Q { ...a }'))).toBe('a')
  })
})
