// One source for the layout numbers: the styles apply what the planner assumes.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { CANVAS, DIAGRAM_MAX_AREA, DIAGRAM_MAX_PX, diagramMaxWidthPx, layoutCss } from '../../scripts/pipeline/geometry'
import { ROOT } from '../../scripts/core/paths'
import { readText } from '../helpers'

describe('layout numbers', () => {
  const css = readText(join(ROOT, 'styles', 'index.css'))

  it('styles/layout.css is written from scripts/pipeline/geometry.ts (run `npm run metrics` after changing it)', () => {
    expect(readText(join(ROOT, 'styles', 'layout.css'))).toBe(layoutCss())
  })

  it('the styles import it and use every number it declares', () => {
    expect(css).toContain('@import \'./layout.css\';')
    for (const name of layoutCss().match(/--nd-[\w-]+(?=:)/g)!)
      expect(css, name).toContain(`var(${name})`)
  })

  it('the text the planner measures takes its size from those numbers, nowhere else', () => {
    const rule = (selector: string) => new RegExp(`(?:^|\\n)${selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\{([^}]*)\\}`).exec(css)?.[1] ?? ''
    expect(rule('.slidev-layout')).toMatch(/font-size: var\(--nd-font-px\)/)
    expect(rule('.nd-card-text')).toMatch(/font-size: var\(--nd-card-font-px\)/)
    expect(rule('.nd-body table')).toMatch(/font-size: var\(--nd-table-size, var\(--nd-table-font-px\)\)/)
    expect(rule('.slidev-layout .nd-agenda')).toMatch(/font-size: var\(--nd-font-px\)/)
    expect(css).not.toMatch(/--slidev-code-(?:font-size|line-height):\s*\d/)
  })
})

describe('a diagram\'s largest size', () => {
  const slide = CANVAS.width * CANVAS.height
  it('keeps under the height and the area a diagram may take, keeping its proportions', () => {
    fc.assert(fc.property(fc.double({ min: 10, max: 5000, noNaN: true }), fc.double({ min: 10, max: 5000, noNaN: true }), (w, h) => {
      const width = diagramMaxWidthPx(w, h)
      const height = width * h / w
      expect(height).toBeLessThanOrEqual(DIAGRAM_MAX_PX + 1e-6)
      expect(width * height).toBeLessThanOrEqual(DIAGRAM_MAX_AREA * slide + 1e-6)
    }))
  })

  it('a wide timeline is held by its area, a square one by its height (the default notes\' timeline: 990 x 461)', () => {
    const timeline = diagramMaxWidthPx(990, 461)
    expect(timeline * timeline * 461 / 990 / slide).toBeCloseTo(DIAGRAM_MAX_AREA, 2)
    expect(diagramMaxWidthPx(400, 400)).toBe(DIAGRAM_MAX_PX)
  })

  it('a box without a size is not limited', () => {
    expect(diagramMaxWidthPx(0, 0)).toBe(CANVAS.width)
    expect(diagramMaxWidthPx(100, 0)).toBe(CANVAS.width)
  })
})
