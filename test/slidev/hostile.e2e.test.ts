// The hostile fixture in a real Chromium: nothing from the notes runs as script, everything shows as text.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generate } from '../../scripts/pipeline/generate'
import { ROOT } from '../../scripts/core/paths'
import { FIXTURES } from '../helpers'
import { type Served, serve } from './served'

const out = join(ROOT, '.notedeck-test-hostile-e2e.slides.md')
let served: Served | undefined
const dialogs: string[] = []
const pwned: unknown[] = []
let text = ''
let javascriptLinks = 0
let frames = 0

beforeAll(async () => {
  const { plan } = await generate({ notes: join(FIXTURES, 'hostile.md'), out, offline: true })
  served = await serve(out)
  const { server, browser } = served
  const page = await browser.newPage({ viewport: { width: 980, height: 552 } })
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss() })
  await page.goto(`${server.url}/1`, { waitUntil: 'networkidle' })
  for (let n = 1; n <= plan.slides.length; n++) {
    await page.evaluate(n => (window as unknown as { __slidev__: { nav: { go: (n: number) => Promise<void> } } }).__slidev__.nav.go(n), n)
    await page.waitForFunction(n => document.querySelector(`.slidev-page-${n} > .slidev-layout`), n, { timeout: 20_000 })
    await page.waitForLoadState('networkidle')
    const r = await page.evaluate((n) => {
      const el = document.querySelector(`.slidev-page-${n}`) as HTMLElement
      return {
        pwned: (window as unknown as { __pwned?: unknown }).__pwned,
        text: el.innerText,
        js: el.querySelectorAll('a[href^="javascript:" i], a[href^="data:" i]').length,
        frames: el.querySelectorAll('iframe, script, style:not([data-v-inspector])').length,
      }
    }, n)
    pwned.push(r.pwned)
    text += `\n${r.text}`
    javascriptLinks += r.js
    frames += r.frames
  }
}, 180_000)

afterAll(async () => {
  await served?.close()
  rmSync(out, { force: true })
})

describe('hostile notes in the browser', () => {
  it('run no script and open no dialog', () => {
    expect(dialogs).toEqual([])
    expect(pwned.filter(p => p !== undefined)).toEqual([])
  })
  it('show the hostile strings as text', () => {
    for (const s of ['{{ 7 * 7 }}', '{{ $slidev.nav.next() }}', '<script>window.__pwned = \'script\'</script>', '<iframe src="https://example.invalid/frame"></iframe>',
      '<style>body { display: none }</style>', '<!-- an HTML comment -->', 'Prices $5 and $10 are not math, nor is $x$.', '<<< @/package.json', '::right::', '<v-click>not a click</v-click>'])
      expect(text).toContain(s)
  })
  it('leave no javascript: or data: link, frame, script or style element on a slide', () => {
    expect(javascriptLinks).toBe(0)
    expect(frames).toBe(0)
  })
})
