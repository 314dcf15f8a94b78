import { safeFileName } from './safeFileName'

describe('safeFileName', () => {
  test.each([
    ['Évaluation Report (final).PDF', 'evaluation-report-final.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\system.ini', 'system.ini'],
    ['photo.jpeg', 'photo.jpeg'],
    ['<b onmouseover=alert(1)>.png', 'b-onmouseover-alert-1.png'],
    ['evil</script>.png', 'script.png'],
    ['.hidden', 'hidden'],
    ['ünïcödé ñame.webp', 'unicode-name.webp'],
    ['名前.png', 'file.png'],
    ['a'.repeat(300) + '.png', 'a'.repeat(100) + '.png'],
    ['no-extension', 'no-extension'],
  ])('%s → %s', (input, expected) => {
    expect(safeFileName(input)).toBe(expected)
  })
})
