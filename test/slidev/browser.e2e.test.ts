// The deck in a real Chromium, served by Slidev: no request leaves localhost, fonts are the bundled
// ones, every diagram renders, and no image is broken.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_SLIDES } from '../../scripts/core/paths'
import { defaultDeck, fontCovers } from '../helpers'
import { type Served, serve } from './served'

let served: Served | undefined
const requests: string[] = []
const failed: string[] = []
const pages: Array<{ n: number, brokenImages: number, diagrams: number, svgs: number, cjkFont: boolean, text: string }> = []

beforeAll(async () => {
  const { plan } = await defaultDeck()
  served = await serve(DEFAULT_SLIDES)
  const { server, browser } = served
  const page = await browser.newPage({ viewport: { width: 980, height: 552 } })
  page.on('request', r => requests.push(r.url()))
  // Requests cut off by the next navigation end as ERR_ABORTED; any other failure is a real one.
  page.on('requestfailed', r => r.failure()?.errorText !== 'net::ERR_ABORTED' && failed.push(`${r.url()} ${r.failure()?.errorText}`))
  for (let n = 1; n <= plan.slides.length; n++) {
    await page.goto(`${server.url}/${n}`, { waitUntil: 'networkidle' })
    // The slide is laid out and its diagrams drawn (or failed): no fixed wait.
    await page.waitForFunction((n) => {
      const el = document.querySelector(`.slidev-page-${n}`)
      if (!el?.querySelector(':scope > .slidev-layout'))
        return false
      const hosts = [...el.querySelectorAll('.nd-diagram *')].filter(e => e.shadowRoot?.querySelector('svg')).length
      return hosts + el.querySelectorAll('.nd-diagram pre').length >= el.querySelectorAll('.nd-diagram').length
    }, n, { timeout: 30_000 })
    await page.evaluate(() => document.fonts.ready)
    const cjkFont = await page.evaluate(fontCovers, ['Noto Sans SC', '大模型'] as [string, string])
    pages.push(await page.evaluate(async (n) => {
      const slide = document.querySelector('.slidev-page:not([style*="display: none"])') ?? document.body
      const imgs = [...slide.querySelectorAll('img')]
      const hosts = [...slide.querySelectorAll('*')].filter(e => e.shadowRoot)
      await document.fonts.ready
      return {
        n,
        brokenImages: imgs.filter(i => i.complete && i.naturalWidth === 0).length,
        diagrams: slide.querySelectorAll('.nd-diagram').length,
        svgs: hosts.filter(h => h.shadowRoot!.querySelector('svg')).length,
        text: (slide as HTMLElement).innerText,
      }
    }, n).then(p => ({ ...p, cjkFont })))
  }
}, 180_000)

afterAll(async () => {
  await served?.close()
})

describe('the default deck in Chromium', () => {
  it('makes no request outside localhost', () => {
    expect(requests.length).toBeGreaterThan(0)
    const outside = requests.filter(u => !/^(https?|wss?):\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(u) && !u.startsWith('data:'))
    expect(outside).toEqual([])
    expect(failed).toEqual([])
  })
  it('has the bundled CJK font loaded', () => {
    expect(pages.every(p => p.cjkFont)).toBe(true)
  })
  it('renders every diagram', () => {
    const withDiagrams = pages.filter(p => p.diagrams > 0)
    expect(withDiagrams.length).toBe(3)
    for (const p of withDiagrams)
      expect(p.svgs, `slide ${p.n}`).toBe(p.diagrams)
  })
  it('shows no broken image', () => {
    expect(pages.filter(p => p.brokenImages > 0)).toEqual([])
  })
})
