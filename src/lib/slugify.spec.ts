import { slugify } from './slugify'

describe('slugify', () => {
  test.each([
    ['Kick-Off Conférence 2012!', 'kick-off-conference-2012'],
    ['Phase Two (the Preparation Phase)', 'phase-two-the-preparation-phase'],
    ['  --Ünaccompanied  Minors-- ', 'unaccompanied-minors'],
    ['Hotline 116 006', 'hotline-116-006'],
    ['Şcoală și sănătate', 'scoala-si-sanatate'],
    ['', ''],
  ])('%p → %p', (input, expected) => {
    expect(slugify(input)).toBe(expected)
  })
})
