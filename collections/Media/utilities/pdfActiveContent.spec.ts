import { pdfActiveContent } from './pdfActiveContent'

const pdfWith = (body: string) => Buffer.from(`%PDF-1.7\n1 0 obj\n<<${body}>>\nendobj\n%%EOF\n`, 'latin1')

describe('pdfActiveContent', () => {
  test.each([
    ['/OpenAction << /S /JavaScript /JS (app.alert(1)) >>', 'JavaScript'],
    ['/AA << /O << /S /JavaScript /JS 12 0 R >> >>', 'JavaScript'],
    ['/OpenAction << /S /Java#53cript /JS <6170702e616c657274283129> >>', 'JavaScript'],
    ['/OpenAction << /S /Launch /F (cmd.exe) >>', 'a launch action'],
    ['/Names << /J#53 (x) >>', 'JavaScript'],
  ])('%s → %s', (body, expected) => {
    expect(pdfActiveContent(pdfWith(body))).toBe(expected)
  })

  test.each([
    ['/Type /Catalog /Pages 2 0 R'],
    ['/OpenAction [3 0 R /Fit]'],
    ['/Title (JSON and JavaScripting tips) /Subject (/JSX)'],
    ['/Font /JSans'],
  ])('%s is a plain document', (body) => {
    expect(pdfActiveContent(pdfWith(body))).toBeUndefined()
  })
})
