// In-page links from the notes lead to the slide of their heading, in the browser.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generate } from '../../scripts/pipeline/generate'
import { ROOT } from '../../scripts/core/paths'
import { FIXTURES } from '../helpers'
import { type Served, serve } from './served'

const out = join(ROOT, '.notedeck-test-anchors.slides.md')
let served: Served | undefined

beforeAll(async () => {
  await generate({ notes: join(FIXTURES, 'zh-toc-code.md'), out, offline: true })
  served = await serve(out)
}, 120_000)

afterAll(async () => {
  await served?.close()
  rmSync(out, { force: true })
})

describe('a link to a heading in the notes', () => {
  it('goes to the slide that shows the heading, in the play view and in the presenter', async () => {
    const page = await served!.browser.newPage({ viewport: { width: 980, height: 552 } })
    for (const view of ['', '/presenter']) {
      await page.goto(`${served!.server.url}${view}/3`, { waitUntil: 'networkidle' })
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
