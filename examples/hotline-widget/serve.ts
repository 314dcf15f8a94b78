/**
 * Serves the hotline widget: index.html as it is and widget.ts compiled to a browser module.
 * `node --conditions=development --import tsx examples/hotline-widget/serve.ts [port]`, then open
 * http://127.0.0.1:<port>/?api=http://localhost:3000&key=<API key>. Add the page's origin to the
 * API client's allowed origins.
 */
import type { AddressInfo } from 'node:net'

import { transform } from 'esbuild'
import fs from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))

export async function serveWidget(port = 0, host = '127.0.0.1'): Promise<{ close(): Promise<void>; url: string }> {
  const { code } = await transform(await fs.readFile(path.join(here, 'widget.ts'), 'utf8'), { format: 'esm', loader: 'ts', target: 'es2022' })
  const html = await fs.readFile(path.join(here, 'index.html'))
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname
    if (pathname === '/widget.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(code)
    } else if (pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html)
    } else {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(port, host, resolve))
  return {
    close: () => new Promise((resolve) => server.close(() => resolve())),
    url: `http://${host}:${(server.address() as AddressInfo).port}`,
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { url } = await serveWidget(Number(process.argv[2] ?? 8080))
  console.log(`hotline widget on ${url}/?api=<CMS origin>&key=<API key>`)
}
