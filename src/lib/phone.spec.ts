import { normalizePhone } from './phone'

describe('normalizePhone', () => {
  test.each([
    ['+32 3 201 16 90', undefined, '+3232011690'],
    ['03 201 16 90', 'BE', '+3232011690'],
    ['0800 30 030', 'BE', '+3280030030'],
    ['+44 20 7946 0958', 'NL', '+442079460958'],
    ['(020) 794 60958', 'GB', '+442079460958'],
    ['112', 'EU', '112'],
    ['116 000', 'EU', '116000'],
    ['116-006', 'AT', '116006'],
  ])('%p in %p → %p', (input, country, expected) => {
    expect(normalizePhone(input, country)).toEqual({ number: expected, ok: true })
  })

  test.each([
    ['12345', 'BE', /not a valid phone number in BE/],
    ['+32 1', undefined, /not a (valid )?phone number/],
    ['call us', 'BE', /not a phone number/],
    ['+32 3 201 16 90', 'EU', /EU-wide number must be 112/],
    ['1160', 'EU', /EU-wide number/],
    ['+999 123 456 789', undefined, /not a (valid )?phone number/],
  ])('%p in %p is refused', (input, country, message) => {
    const result = normalizePhone(input, country)
    expect(result.ok).toBe(false)
    expect(result.ok === false && result.message).toMatch(message)
  })
})
