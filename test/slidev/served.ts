// A slides file served by `slidev dev` (a child process, as `npm run dev` runs it) and a Chromium to
// open it in, for the tests that look at a deck in the browser. `close` stops both.
import { type Browser, chromium } from 'playwright-chromium'
import { CHROMIUM_ARGS, resolveBrowser } from '../../scripts/slidev/browser'
import { type DevServer, startDevServer } from '../../scripts/slidev/server'

export interface Served { server: DevServer, browser: Browser, close: () => Promise<void> }

export async function serve(slides: string): Promise<Served> {
  const server = await startDevServer(slides)
  const browser = await chromium.launch({ executablePath: await resolveBrowser(), args: CHROMIUM_ARGS }).catch(async (e) => {
    await server.close()
    throw e
  })
  return { server, browser, close: async () => { await browser.close(); await server.close() } }
}
