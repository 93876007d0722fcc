/**
 * A time budget per slide: how long the speaker talks over it, from the speaker notes (the full text
 * each slide condenses) read at a speaking pace, never under a floor for what the slide is (a cover,
 * a divider, a diagram to explain), scaled to the talk's length when the notes give one. Pure.
 */
import type { Rehearsal } from '../../core/rehearsal'
import type { Slide } from '../types'

/** Speaking paces: Chinese characters and English words per minute (a presenter's pace, slower than reading). */
export const PACE = { zhCharsPerMin: 220, enWordsPerMin: 140 }
/** The least time a slide takes, seconds: a cover is introduced, a divider announced, a diagram explained. */
export const FLOOR_S = { cover: 20, divider: 10, diagram: 45, content: 30 }

const CJK = /[\u3400-\u9FFF\uF900-\uFAFF\u{20000}-\u{3FFFD}]/gu
const WORD = /[A-Za-z0-9][\w'’.-]*/g

/** How long `text` takes to say: its Chinese characters at the Chinese pace, its other words at the English pace. */
export function spokenSeconds(text: string): number {
  const chars = text.match(CJK)?.length ?? 0
  const words = text.replace(CJK, ' ').match(WORD)?.length ?? 0
  return 60 * (chars / PACE.zhCharsPerMin + words / PACE.enWordsPerMin)
}

const floorOf = (slide: Slide): number => {
  switch (slide.body.kind) {
    case 'cover': return FLOOR_S.cover
    case 'divider': return FLOOR_S.divider
    case 'diagram': return FLOOR_S.diagram
    default: return FLOOR_S.content
  }
}

/** The time a slide takes at the speaking pace, seconds: what its speaker notes say, or its floor. */
export function slideSeconds(slide: Slide): number {
  return Math.max(floorOf(slide), spokenSeconds([slide.title, ...slide.notes].join('\n')))
}

/** How far a rehearsal may stretch or shrink the time of the slides it did not show (the speaker's pace). */
export const LEARNED_PACE = { min: 0.5, max: 2.5 }

/**
 * Each slide's own time, from a rehearsal when there was one: a slide shown in it (found again by
 * the notes line it comes from, or its title when it has none) takes the time it took; the others their time at the speaker's pace
 * (what the shown slides took against what they were estimated at).
 */
export function ownSeconds(slides: readonly Slide[], rehearsal?: Pick<Rehearsal, 'slides'>): number[] {
  const own = slides.map(slideSeconds)
  const rehearsed = (rehearsal?.slides ?? []).filter(s => s.actual >= 1)
  const byLine = new Map(rehearsed.filter(s => s.line !== undefined).map(s => [s.line!, s.actual]))
  // A slide with no notes line (the cover) is found by its title, as the slides file writes it (render.ts's navTitle).
  const bare = (t: string) => t.replace(/[<>{}|$‹›｛｝｜＄]/g, '').trim()
  const byTitle = new Map(rehearsed.filter(s => s.line === undefined).map(s => [bare(s.title), s.actual]))
  const shown = slides.map(s => (s.source ? byLine.get(s.source.start.line) : byTitle.get(bare(s.title))))
  const [did, thought] = shown.reduce(([a, b], t, i) => (t === undefined ? [a, b] : [a + t, b + own[i]!]), [0, 0])
  const pace = thought > 0 ? Math.min(LEARNED_PACE.max, Math.max(LEARNED_PACE.min, did / thought)) : 1
  return own.map((o, i) => shown[i] ?? o * pace)
}

/**
 * Each slide's budget in whole seconds: its own time (`ownSeconds`), scaled so that the budgets add
 * up to `total` exactly when the talk's length is given (the remainders of rounding go to the slides
 * that lost most), else to the time the slides take.
 */
export function budgets(slides: readonly Slide[], total?: number, rehearsal?: Pick<Rehearsal, 'slides'>): number[] {
  const own = ownSeconds(slides, rehearsal)
  const sum = own.reduce((a, b) => a + b, 0)
  const target = total ?? Math.round(sum)
  if (!slides.length || sum <= 0)
    return own.map(() => 0)
  const exact = own.map(s => (s * target) / sum)
  const whole = exact.map(Math.floor)
  let left = target - whole.reduce((a, b) => a + b, 0)
  for (const i of exact.map((e, i) => ({ i, lost: e - whole[i]! })).sort((a, b) => b.lost - a.lost || a.i - b.i).map(x => x.i)) {
    if (left <= 0)
      break
    whole[i]!++
    left--
  }
  return whole
}

