/**
 * An upload collection's `modifyResponseHeaders`: every file goes out as a download or as an inert
 * resource. A PDF opens in the reader's own application, never as a page of this origin (where a
 * script in it could reach the API with the reader's session), and no file may run anything if a
 * browser renders it as a document. `X-Content-Type-Options: nosniff` is the host's to send.
 */
export const inertFileHeaders = ({ headers }: { headers: Headers }): Headers => {
  if (headers.get('content-type') === 'application/pdf') {
    headers.set('Content-Disposition', 'attachment')
  }
  headers.set('Content-Security-Policy', "default-src 'none'; sandbox")
  return headers
}
