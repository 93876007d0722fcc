// The readiness condition every export and the check wait on, run in Chromium on hand-made pages:
// ready only when everything is drawn, and otherwise naming what is still missing; the problems a
// page reports while it loads (script errors, refused requests) are collected for the message.
import type { Browser, Page } from 'playwright-chromium'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ReadyQuery, sameSources, shownSources, slidesPending, slidesReady } from '../../scripts/page/page-ready'
import { launchBrowser, resolveBrowser } from '../../scripts/slidev/browser'
import { watchPage } from '../../scripts/slidev/page-problems'
import { SLIDEV } from '../../scripts/slidev/slidev-internals'

let browser: Browser
let page: Page
beforeAll(async () => {
  browser = await launchBrowser(await resolveBrowser())
  page = await browser.newPage()
}, 60_000)
afterAll(async () => { await browser?.close() })

const query: ReadyQuery = { selector: '.slide', count: 2, S: SLIDEV }
const slide = (inner: string) => `<div class="slide" style="width:100px;height:50px">${inner}</div>`
const laidOut = (inner = '') => slide(`<div class="slidev-layout">${inner}</div>`)
const ready = () => page.evaluate(slidesReady(query))
const pending = () => page.evaluate(slidesPending, query)

describe('slidesPending / slidesReady', () => {
  it('a page with every slide laid out and nothing drawing is ready', async () => {
    await page.setContent(laidOut('<p>one</p>') + laidOut('<div class="nd-diagram"><pre>fallback text</pre></div>'))
    expect(await pending()).toEqual([])
    expect(await ready()).toBe(true)
  })

  it('names the slides still missing', async () => {
    await page.setContent(laidOut())
    expect(await pending()).toEqual(['1 of 2 slides on the page'])
    expect(await ready()).toBe(false)
  })

  it('names each slide still loading, each undrawn diagram, and Mermaid at work', async () => {
    await page.setContent(`${slide('<div class="slidev-slide-loading"></div>')}${laidOut('<div class="nd-diagram"><div></div></div><div class="nd-diagram"></div>')}<div id="mermaid-rendering-container"><div></div></div>`)
    expect(await pending()).toEqual(['slide 1 is still loading', 'slide 2: 2 diagram(s) not drawn', 'Mermaid is still drawing'])
    expect(await ready()).toBe(false)
  })

  it('counts a diagram drawn into a shadow root, and Slidev\'s error page as finished', async () => {
    await page.setContent(laidOut('<div class="nd-diagram"><span id="host"></span></div>') + slide('<div class="text-red-700">error</div>'))
    expect(await pending()).toEqual(['slide 1: 1 diagram(s) not drawn'])
    await page.evaluate(() => document.querySelector('#host')!.attachShadow({ mode: 'open' }).innerHTML = '<svg></svg>')
    expect(await ready()).toBe(true)
  })
})

describe('shownSources / sameSources', () => {
  it('reads the sources a dev server\'s client reports, trimmed, and none before it starts', async () => {
    await page.setContent('<p>no client yet</p>')
    expect(await page.evaluate(shownSources, SLIDEV)).toEqual([])
    await page.evaluate(S => { (window as unknown as Record<string, unknown>)[S.global] = { nav: { slides: [{ meta: { slide: { content: ' # One \n' } } }, { meta: {} }] } } }, SLIDEV)
    const shown = await page.evaluate(shownSources, SLIDEV)
    expect(shown).toEqual(['# One', ''])
    expect(sameSources(shown, ['# One', ''])).toBe(true)
    expect(sameSources(shown, ['# One'])).toBe(false)
    expect(sameSources(shown, ['# One', '# Two'])).toBe(false)
  })
})

describe('watchPage', () => {
  it('keeps script errors and failed requests to the page\'s own server, not others, until cleared', async () => {
    const origin = 'http://notedeck.test'
    await page.route(`${origin}/**`, r => r.request().url().endsWith('/missing.js') ? r.fulfill({ status: 504, body: '' }) : r.fulfill({ contentType: 'text/html', body: '<p>page</p>' }))
    await page.route('http://elsewhere.test/**', r => r.fulfill({ status: 404, body: '' }))
    const watch = watchPage(page, () => origin)
    try {
      await page.goto(`${origin}/`)
      await page.evaluate(async ([o]) => {
        await fetch(`${o}/missing.js`)
        await fetch('http://elsewhere.test/x').catch(() => {})
        setTimeout(() => { throw new Error('boom in a component') })
      }, [origin])
      await expect.poll(() => watch.list().length).toBe(2)
      expect(watch.list()).toEqual(['HTTP 504: /missing.js', 'page error: boom in a component'])
      // Each load starts afresh: what an earlier load saw is not blamed on the next one.
      watch.clear()
      expect(watch.list()).toEqual([])
    }
    finally {
      watch.stop()
      await page.unrouteAll()
    }
  })
})
