// The printer's page on a server whose pages reload on their own (Vite's live updates do, just after
// a server read another deck): a page of the last deck that reloads itself while the next one is
// loading still leaves the next deck printed. (Chromium here lets the new load win, so this passes
// without the printer's retry too; the retry itself is tested in reload.test.ts.)
import { type Server, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPrinter } from '../../scripts/export/printer'
import { resolveBrowser } from '../../scripts/slidev/browser'
import type { PrintPage } from '../../scripts/slidev/slidev-internals'

// The first page reloads itself 1.5 s after it loaded; the second load is answered after 3 s.
const page = (first: boolean) => `<!doctype html><html><head>${first ? '<script>setTimeout(() => location.reload(), 1500)</script>' : ''}</head><body>
<div class="print-slide-container" style="width:980px;height:552px"><div class="slidev-layout"><h1>Hello</h1></div></div>
</body></html>`
const PRINT: PrintPage = { path: '/print', slides: '.print-slide-container', sources: false, media: 'screen' }
const DECK = '---\ntitle: t\n---\n\n# Hello\n'

let server: Server
let url = ''
let served = 0
beforeAll(async () => {
  server = createServer((_, res) => {
    const n = ++served
    setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(page(n === 1)), n === 2 ? 3000 : 0)
  })
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>(r => server.close(() => r())))

describe('the printer\'s page', () => {
  it('is loaded again when the page before reloads itself in the middle of the load', async () => {
    const printer = await openPrinter(await resolveBrowser(), 20_000)
    try {
      await printer.show(url, PRINT, DECK)
      const deck = await printer.show(url, PRINT, DECK)
      expect(deck.titles).toEqual(['Hello'])
      expect(served).toBeGreaterThanOrEqual(3)
      expect(Buffer.from(await printer.pdf()).subarray(0, 5).toString()).toBe('%PDF-')
    }
    finally {
      await printer.close()
    }
  }, 60_000)
})
