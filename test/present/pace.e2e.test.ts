// Presenting to time, end to end: `npm run dev -- notes.md --duration 2min --rehearse` writes each
// slide's budget (adding up to two minutes), and the presenter view shows the slide's budget and the
// talk's pace by Slidev's timer, in Chromium with its clock mocked: on time, then behind; the
// audience's view does not show it. The rehearsal's times are written beside the notes, and the next
// generate gives the slide that took longer more of the talk.
import { copyFileSync, existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseSync } from '@slidev/parser'
import type { Browser, Page } from 'playwright-chromium'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rehearsalFor, slidesFor } from '../../scripts/core/paths'
import { parseRehearsal } from '../../scripts/core/rehearsal'
import { generate } from '../../scripts/pipeline/generate'
import { ON_TIME_SLACK_S, clock } from '../../scripts/core/pace'
import { CHROMIUM_ARGS, resolveBrowser } from '../../scripts/slidev/browser'
import { FIXTURES, tempDir } from '../helpers'
import { type DevProcess, startDev } from '../dev-process'

const dir = tempDir()
const notes = join(dir, 'talk.md')
let dev: DevProcess | undefined
let browser: Browser | undefined

beforeAll(async () => {
  copyFileSync(join(FIXTURES, 'english-timeline.md'), notes)
  dev = await startDev([notes, '--offline', '--duration', '2min', '--rehearse'])
  await dev.until(() => /localhost:\d+|http:\/\//.test(dev!.output()), 120_000)
  const { chromium } = await import('playwright-chromium')
  browser = await chromium.launch({ executablePath: await resolveBrowser(), args: CHROMIUM_ARGS })
}, 150_000)

afterAll(async () => {
  await browser?.close()
  await dev?.stop()
})

/** The rehearsal record the dev server wrote beside the notes, if any yet. */
const rehearsed = () => (existsSync(rehearsalFor(notes)) ? parseRehearsal(readFileSync(rehearsalFor(notes), 'utf8'), 'talk.rehearsal.json') : undefined)

/** A page of the dev server with its clock under the test's control. */
async function opened(path: string): Promise<Page> {
  const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } })
  // Time still flows in the page (as on stage); the test moves it on by minutes at once.
  await page.clock.install({ time: new Date('2026-11-30T10:00:00Z') })
  await page.goto(`http://localhost:${dev!.port}${path}`, { timeout: 60_000 })
  return page
}

describe('npm run dev -- --duration 2min', () => {
  it('gives every slide a budget, the budgets adding up to the talk', () => {
    const { slides } = parseSync(readFileSync(slidesFor(notes), 'utf8'), 'slides.md')
    const budgets = slides.map(s => Number(s.frontmatter.budget))
    expect(budgets.every(b => b > 0)).toBe(true)
    expect(budgets.reduce((a, b) => a + b, 0)).toBe(120)
    expect(slides[0]!.frontmatter.duration).toBe(120)
  })

  it('the presenter view shows the slide\'s budget and the pace: on time, then behind as the clock runs', async () => {
    const page = await opened('/presenter/1')
    try {
      const pace = page.locator('[data-nd-pace]')
      await pace.waitFor({ timeout: 60_000 })
      const budget = Number(parseSync(readFileSync(slidesFor(notes), 'utf8'), 'slides.md').slides[0]!.frontmatter.budget)
      await expect.poll(() => pace.innerText()).toContain('talk 2:00: start the timer')
      expect(await pace.innerText()).toContain(`/ ${clock(budget)}`)
      // Slidev's own timer (its play button, shown on hover) starts the talk.
      await page.locator('.group:has(.i-carbon\\:play)').hover()
      await page.locator('.i-carbon\\:play').click()
      await page.clock.runFor(5_000)
      await expect.poll(() => pace.innerText()).toMatch(/this slide 0:0\d .*on time/s)
      expect(await pace.getAttribute('class')).toContain('on-time')
      // Still on the first slide long after its budget: behind, by how much.
      await page.clock.runFor((budget + ON_TIME_SLACK_S + 30) * 1000)
      await expect.poll(() => pace.innerText()).toMatch(/behind 0:[3-5]\d/)
      expect(await pace.getAttribute('class')).toContain('behind')
      expect(await pace.getAttribute('title')).toMatch(/planned, \d+:\d\d spent/)
      // On to the next slide for a few seconds: the rehearsal then holds two slides taken at different paces.
      await page.keyboard.press('ArrowRight')
      await expect.poll(() => page.url()).toMatch(/\/presenter\/2/)
      // The page sends the times every few seconds of the talk: move the clock on until a record
      // with time on the second slide has reached the server.
      await expect.poll(async () => {
        await page.clock.runFor(6_000)
        return rehearsed()?.slides[1]?.actual ?? 0
      }, { timeout: 30_000 }).toBeGreaterThan(0)
    }
    finally {
      await page.close()
    }
  }, 120_000)

  it('the rehearsal is recorded beside the notes, and the next plan follows it', async () => {
    const before = parseSync(readFileSync(slidesFor(notes), 'utf8'), 'slides.md').slides.map(s => Number(s.frontmatter.budget))
    const record = rehearsed()!
    expect(record.slides).toHaveLength(before.length)
    expect(record.slides[0]!.actual).toBeGreaterThan(before[0]! + ON_TIME_SLACK_S)
    expect(record.slides.slice(2).every(s => s.actual === 0)).toBe(true)
    const again = await generate({ notes, out: join(dir, 'again.slides.md'), offline: true, duration: 120 })
    const after = again.plan.slides.map(s => s.budget!)
    expect(after.reduce((a, b) => a + b, 0)).toBe(120)
    expect(after[0]).toBeGreaterThan(before[0]!)
    expect(again.reads).toContain(rehearsalFor(notes))
  })

  it('the audience\'s view does not show it', async () => {
    const page = await opened('/1')
    try {
      await page.locator('.slidev-page-1').waitFor({ timeout: 60_000 })
      await page.mouse.move(20, 780) // the navigation bar shows on hover
      expect(await page.locator('[data-nd-pace]').count()).toBe(0)
    }
    finally {
      await page.close()
    }
  }, 90_000)
})
