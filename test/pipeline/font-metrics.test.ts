// The planner measures text with the bundled font's own advance widths (scripts/pipeline/plan/font-metrics.json).
import { describe, expect, it } from 'vitest'
import { METRICS, textWidthPx } from '../../scripts/pipeline/plan/font-metrics'
import { readMetrics } from '../../scripts/tools/metrics'
import { linesFor } from '../../scripts/pipeline/plan/budget'

describe('font metrics', () => {
  it('are the advances of the Noto Sans SC files the deck ships (run `npm run metrics` after a font update)', async () => {
    expect(await readMetrics()).toEqual(METRICS)
  })

  it('measure Latin by its glyphs and CJK at one em', () => {
    expect(textWidthPx('中文字符', 20)).toBe(80)
    expect(textWidthPx('iiii', 20)).toBeLessThan(textWidthPx('MMMM', 20) / 2)
    expect(textWidthPx('W', 20, true)).toBeGreaterThan(textWidthPx('W', 20))
  })

  it('wrap text by those widths', () => {
    expect(linesFor('中'.repeat(40), 400, 20)).toBe(2)
    expect(linesFor('中'.repeat(41), 400, 20)).toBe(3)
    expect(linesFor('i '.repeat(40), 400, 20)).toBe(1)
    expect(linesFor('M '.repeat(40), 400, 20)).toBeGreaterThan(2)
  })
})
