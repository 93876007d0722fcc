// A time budget per slide, from the speaker notes at a speaking pace, scaled to the talk's length;
// and the pace a presenter sees against it.
import { describe, expect, it } from 'vitest'
import { FLOOR_S, LEARNED_PACE, PACE, budgets, ownSeconds, slideSeconds, spokenSeconds } from '../../scripts/pipeline/plan/timing'
import { ON_TIME_SLACK_S, clock, paceOf, sectionTimes } from '../../scripts/core/pace'
import type { Slide } from '../../scripts/pipeline/types'
import { parseConfig } from '../../scripts/pipeline/notes/config'
import { deckFrom, defaultDeck } from '../helpers'

const content = (notes: string[], title = 't'): Slide => ({ title, level: 2, body: { kind: 'content', blocks: [] }, notes })

describe('speaking time', () => {
  it('Chinese by characters, English by words, each at its own pace', () => {
    expect(spokenSeconds('字'.repeat(PACE.zhCharsPerMin))).toBeCloseTo(60)
    expect(spokenSeconds(Array.from({ length: PACE.enWordsPerMin }, () => 'word').join(' '))).toBeCloseTo(60)
    expect(spokenSeconds('大模型 (LLM) is large')).toBeCloseTo(60 * (3 / PACE.zhCharsPerMin + 3 / PACE.enWordsPerMin))
  })

  it('more notes take more time; a slide never under the floor for what it is', () => {
    const short = slideSeconds(content(['一句话']))
    const long = slideSeconds(content(['这是一段很长的讲稿。'.repeat(30)]))
    expect(short).toBe(FLOOR_S.content)
    expect(long).toBeGreaterThan(short)
    expect(slideSeconds({ title: 'x', level: 1, body: { kind: 'divider' }, notes: [] })).toBe(FLOOR_S.divider)
  })
})

describe('budgets', () => {
  it('add up to the talk\'s length exactly, in proportion to each slide\'s own time', () => {
    const slides = [content(['a']), content(['这是一段很长的讲稿。'.repeat(30)]), content(['b c d'])]
    for (const total of [60, 600, 1201, 3600]) {
      const b = budgets(slides, total)
      expect(b.reduce((x, y) => x + y, 0)).toBe(total)
      expect(b[1]).toBeGreaterThan(b[0]!)
    }
  })

  it('without a length, add up to the time the notes take', () => {
    const slides = [content(['a']), content(['这是一段很长的讲稿。'.repeat(30)])]
    expect(budgets(slides).reduce((x, y) => x + y, 0)).toBe(Math.round(slides.map(slideSeconds).reduce((x, y) => x + y, 0)))
  })

  it('a deck\'s slides carry them, and its headmatter the talk\'s length (the notes\' duration, else the estimate)', async () => {
    const { plan, markdown } = await defaultDeck()
    expect(plan.slides.every(s => (s.budget ?? 0) > 0)).toBe(true)
    expect(plan.talk).toBe(plan.slides.reduce((x, s) => x + s.budget!, 0))
    expect(markdown).toMatch(new RegExp(`^duration: ${plan.talk}$`, 'm'))
    const timed = await deckFrom('---\nduration: 20min\n---\n\n# Talk\n\n## One\n\nSome text.\n\n## Two\n\n中文的讲稿内容。\n', 'talk.md')
    expect(timed.plan.talk).toBe(1200)
    expect(timed.plan.slides.reduce((x, s) => x + s.budget!, 0)).toBe(1200)
  })

  it('a duration that is not a length is refused where it is written', () => {
    expect(() => parseConfig('title: x\nduration: soon\n', 'deck.yaml')).toThrow(/duration: not a talk length/)
    expect(parseConfig('duration: 1h\n', 'deck.yaml').duration).toBe(3600)
  })
})

describe('pace', () => {
  const plan = [60, 120, 60]
  it('on time within the slide\'s planned span, behind past its end, ahead before its start', () => {
    expect(paceOf(plan, 1, 100)).toMatchObject({ budget: 120, total: 240, state: 'on time', by: 0 })
    expect(paceOf(plan, 1, 180 + ON_TIME_SLACK_S + 30)).toMatchObject({ state: 'behind', by: ON_TIME_SLACK_S + 30 })
    expect(paceOf(plan, 2, 100)).toMatchObject({ state: 'ahead', by: 80 })
    expect(paceOf(plan, 0, 60 + ON_TIME_SLACK_S)).toMatchObject({ state: 'on time' })
  })

  it('sections: a level-1 slide and the slides after it, planned and spent', () => {
    const slides = [{ title: 'A', level: 1, budget: 30 }, { title: 'a1', level: 2, budget: 60 }, { title: 'B', level: 1, budget: 45 }]
    expect(sectionTimes(slides, new Map([[0, 10], [1, 70]]))).toEqual([{ title: 'A', planned: 90, actual: 80 }, { title: 'B', planned: 45, actual: 0 }])
    expect([clock(65), clock(720), clock(0)]).toEqual(['1:05', '12:00', '0:00'])
  })
})

describe('learning from a rehearsal', () => {
  const at = (line: number, notes: string[]): Slide => ({ ...content(notes), source: { start: { line, column: 1 }, end: { line, column: 1 } } })
  const slides = [at(3, ['一句话']), at(9, ['另一句']), at(15, ['第三句'])]

  it('a slide shown in the rehearsal takes the time it took; the others the speaker\'s pace', () => {
    // Slide at line 3 was estimated at the 30 s floor and took 60 s: the speaker is twice as slow.
    const own = ownSeconds(slides, { slides: [{ no: 1, title: 't', line: 3, planned: 30, actual: 60 }] })
    expect(own).toEqual([60, 60, 60])
    expect(budgets(slides, 300, { slides: [{ no: 1, title: 't', line: 3, planned: 30, actual: 150 }] })[0]).toBeGreaterThan(budgets(slides, 300)[0]!)
  })

  it('a slide found again by its notes line only; slides not shown (0 s) teach nothing; the pace is bounded', () => {
    expect(ownSeconds(slides, { slides: [{ no: 1, title: 't', line: 4, planned: 30, actual: 90 }] })).toEqual(slides.map(slideSeconds))
    expect(ownSeconds(slides, { slides: [{ no: 1, title: 't', line: 3, planned: 30, actual: 0 }] })).toEqual(slides.map(slideSeconds))
    expect(ownSeconds(slides, { slides: [{ no: 1, title: 't', line: 3, planned: 30, actual: 3000 }] })[1]).toBe(FLOOR_S.content * LEARNED_PACE.max)
  })

  it('the cover (no notes line) is found by its title', () => {
    const cover: Slide = { title: 'A {talk}', level: 1, body: { kind: 'cover', title: 'A {talk}' }, notes: [] }
    expect(ownSeconds([cover, ...slides], { slides: [{ no: 1, title: 'A ｛talk｝', planned: 20, actual: 50 }] })[0]).toBe(50)
  })
})
