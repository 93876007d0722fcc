/**
 * Where a talk stands against its plan: each slide's budget (seconds, from the slides' `budget`
 * frontmatter), the slide on screen and the time talked so far. Pure and import-free: the
 * presenter view (components/TalkPace.vue) runs it in the page, the tests in Node.
 */

/** Where the presenter view sends a rehearsal's times to the dev server (slidev/rehearsal-endpoint.ts). */
export const REHEARSAL_ROUTE = '/__notedeck/rehearsal'
/** How often, at most, it sends them while the timer runs (and on every change of slide). */
export const REHEARSAL_EVERY_S = 5

/** Within this many seconds of the plan a talk is on time (a speaker needs no nudge for less). */
export const ON_TIME_SLACK_S = 15

export interface Pace {
  /** The budget of the slide on screen, seconds. */
  budget: number
  /** The talk's planned length: every budget. */
  total: number
  state: 'on time' | 'ahead' | 'behind'
  /** How far ahead or behind, seconds (0 on time). */
  by: number
}

/**
 * The pace of a talk `elapsed` seconds in, on slide `current` (0-based): behind once it runs past
 * the end that slide was planned to end at, ahead while it is before the slide's planned start.
 */
export function paceOf(budgets: readonly number[], current: number, elapsed: number): Pace {
  const start = budgets.slice(0, current).reduce((a, b) => a + b, 0)
  const budget = budgets[current] ?? 0
  const total = budgets.reduce((a, b) => a + b, 0)
  if (elapsed > start + budget + ON_TIME_SLACK_S)
    return { budget, total, state: 'behind', by: Math.round(elapsed - start - budget) }
  if (elapsed < start - ON_TIME_SLACK_S)
    return { budget, total, state: 'ahead', by: Math.round(start - elapsed) }
  return { budget, total, state: 'on time', by: 0 }
}

export interface SectionTime { title: string, planned: number, actual: number }

/**
 * The talk by section: each section (a slide of `level` 1 and the slides after it) with its planned
 * seconds and the seconds spent on its slides so far (`spent`, by slide index).
 */
export function sectionTimes(slides: ReadonlyArray<{ title: string, level?: number, budget: number }>, spent: ReadonlyMap<number, number>): SectionTime[] {
  const out: SectionTime[] = []
  slides.forEach((s, i) => {
    if (!out.length || s.level === 1)
      out.push({ title: s.title, planned: 0, actual: 0 })
    const section = out[out.length - 1]!
    section.planned += s.budget
    section.actual += spent.get(i) ?? 0
  })
  return out
}

/** Seconds as a speaker reads them: `1:05`, `12:00`. */
export const clock = (seconds: number): string => `${Math.floor(Math.round(seconds) / 60)}:${String(Math.round(seconds) % 60).padStart(2, '0')}`
