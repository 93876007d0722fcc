// In-page links from the notes lead to the slide of their heading, in the browser.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, chromium } from 'playwright-chromium'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_ARGS, resolveBrowser } from '../../scripts/slidev/browser'
import { generate } from '../../scripts/pipeline/generate'
import { ROOT } from '../../scripts/core/paths'
import { type DevServer, startDevServer } from '../../scripts/slidev/server'
import { FIXTURES } from '../helpers'

const out = join(ROOT, '.notedeck-test-anchors.slides.md')
let server: DevServer | undefined
let browser: Browser | undefined

beforeAll(async () => {
  await generate({ notes: join(FIXTURES, 'zh-toc-code.md'), out, offline: true })
  server = await startDevServer(out)
  browser = await chromium.launch({ executablePath: await resolveBrowser(), args: CHROMIUM_ARGS })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  rmSync(out, { force: true })
})

describe('a link to a heading in the notes', () => {
  it('goes to the slide that shows the heading, in the play view and in the presenter', async () => {
    const page = await browser!.newPage({ viewport: { width: 980, height: 552 } })
    for (const view of ['', '/presenter']) {
      await page.goto(`${server!.url}${view}/3`, { waitUntil: 'networkidle' })
      const link = page.locator('.slidev-page-3 a[data-nd-slide]', { hasText: 'MoE架构' }).first()
      await link.waitFor({ timeout: 30_000 })
      const target = await link.getAttribute('data-nd-slide')
      expect(Number(target)).toBeGreaterThan(3)
      await link.click()
      await expect.poll(() => new URL(page.url()).pathname).toBe(`${view}/${target}`)
      await expect.poll(() => page.locator(`.slidev-page-${target} h1`).first().innerText()).toContain('MoE架构')
    }
  }, 90_000)
})
