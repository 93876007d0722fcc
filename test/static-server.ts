// A static file server for end-to-end tests: serves `root` under `prefix` (a folder the site knows
// nothing about), nothing else; a request outside it is a 404.
import { readFileSync } from 'node:fs'
import { type Server, createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.woff': 'font/woff', '.png': 'image/png', '.pdf': 'application/pdf' }

export async function serveStatic(root: string, prefix: string): Promise<{ url: string, close: () => void }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!)
    if (!path.startsWith(prefix))
      return res.writeHead(404).end()
    const file = normalize(join(root, path.slice(prefix.length) || 'index.html'))
    try {
      const body = readFileSync(file.startsWith(root) ? file : join(root, 'missing'))
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body)
    }
    catch { res.writeHead(404).end() }
  })
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}${prefix}`, close: () => server.close() }
}
