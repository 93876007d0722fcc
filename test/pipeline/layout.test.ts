// One source for the layout numbers: the styles apply what the planner assumes.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { COLORS, CANVAS, DIAGRAM_MAX_AREA, DIAGRAM_MAX_PX, diagramMaxWidthPx, layoutCss } from '../../scripts/pipeline/geometry'
import { ROOT } from '../../scripts/core/paths'
import { AGENDA_TILES_MAX } from '../../scripts/pipeline/plan/plan-agenda'
import { contrastRatio } from '../../scripts/page/in-page/colour'
import { readText } from '../helpers'

describe('layout numbers', () => {
  const css = readText(join(ROOT, 'styles', 'index.css'))

  it('styles/layout.css is written from scripts/pipeline/geometry.ts (run `npm run metrics` after changing it)', () => {
    expect(readText(join(ROOT, 'styles', 'layout.css'))).toBe(layoutCss())
  })

  it('the styles import it and use every number it declares', () => {
    expect(css).toContain('@import \'./layout.css\';')
    const styles = [css, ...readdirSync(join(ROOT, 'components')).filter(f => f.endsWith('.vue')).map(f => readText(join(ROOT, 'components', f)))].join('\n')
    for (const name of layoutCss().match(/--nd-[\w-]+(?=:)/g)!)
      expect(styles, name).toContain(`var(${name})`)
  })

  it('every custom property the styles and components use is declared (a misspelt one would silently drop a size)', () => {
    const styles = [css, ...readdirSync(join(ROOT, 'components')).filter(f => f.endsWith('.vue')).map(f => readText(join(ROOT, 'components', f)))].join('\n')
    const declared = new Set([...`${layoutCss()}\n${styles}`.matchAll(/(--nd-[\w-]+)\s*:/g)].map(m => m[1]))
    const used = new Set([...styles.matchAll(/var\((--nd-[\w-]+)\)/g)].map(m => m[1]))
    expect(used.size).toBeGreaterThan(30)
    expect([...used].filter(v => !declared.has(v))).toEqual([])
  })

  it('the styles set no size of what the planner measures themselves: lists, tables, cards, tiles, references, the agenda', () => {
    const rules = [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].map(m => ({ selector: m[1]!.trim(), body: m[2]! }))
    const measured = /\.nd-(?:body (?:p|li|ul|ol|th|td|table)|refs|agenda|pre)\b/
    const sizes = rules.filter(r => measured.test(r.selector))
      .flatMap(r => [...r.body.matchAll(/(?:^|;)\s*((?:margin|padding|font-size|line-height|column-gap|flex|border(?:-left)?(?:-width)?)\b):([^;]*\d(?:px|em)[^;]*)/g)].map(m => `${r.selector} { ${m[1]}:${m[2]} }`))
    expect(rules.length).toBeGreaterThan(40)
    expect(sizes).toEqual([])
  })

  it('colours and the canvas size are written only in geometry.ts (styles/layout.css is made from it)', () => {
    const files = ['scripts', 'setup', 'components', 'styles'].flatMap(d => readdirSync(join(ROOT, d), { recursive: true }).map(f => join(d, String(f))))
      .filter(f => /\.(?:ts|vue|css)$/.test(f) && !/geometry\.ts$|layout\.css$/.test(f))
    expect(files.length).toBeGreaterThan(80)
    const found = files.flatMap((f) => {
      const text = readText(join(ROOT, f)).replace(/var\(--[\w-]+,[^)]*\)/g, '') // a fallback of Slidev's own variables
      return [...text.matchAll(/#[\da-f]{6}\b|rgba?\(\s*\d|\b980\b|\b552\b/gi)].map(m => `${f}: ${m[0]}`)
    })
    expect(found).toEqual([])
  })

  it('the budget and the agenda hold no number of the layout: every size comes from geometry.ts', () => {
    const numbers = (file: string) => [...readText(join(ROOT, 'scripts', 'pipeline', 'plan', file))
      .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '') // comments
      .replace(/'[^'\n]*'|`[^`\n]*`|\/(?:\\.|[^/\n])+\/[gimsuy]*/g, '') // strings and regular expressions
      .matchAll(/(?<![\w.])\d+(?:\.\d+)?(?![\w.])/g)].map(m => Number(m[0]))
    // 0, 1 and 2: counting, halves and pairs. The agenda's grid has column counts: small whole numbers, never pixels.
    expect(numbers('budget.ts').filter(n => ![0, 1, 2].includes(n))).toEqual([])
    const agenda = numbers('plan-agenda.ts')
    expect(agenda.length).toBeGreaterThan(3)
    expect(agenda.filter(n => !Number.isInteger(n) || n > AGENDA_TILES_MAX)).toEqual([])
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

describe('timeline fills', () => {
  const rgb = (hex: string) => ({ r: Number.parseInt(hex.slice(1, 3), 16), g: Number.parseInt(hex.slice(3, 5), 16), b: Number.parseInt(hex.slice(5, 7), 16), a: 1 })
  it('light: every label readable on its fill (4.5:1)', () => {
    for (const fill of COLORS.pastels)
      expect(contrastRatio(rgb(fill), rgb(COLORS.diagram.label)), fill).toBeGreaterThanOrEqual(4.5)
  })
  it('dark: every label readable on its fill (4.5:1), every fill seen against the page (3:1, WCAG\'s contrast for shapes)', () => {
    for (const fill of COLORS.nightFills) {
      expect(contrastRatio(rgb(fill), rgb(COLORS.nightLabel)), fill).toBeGreaterThanOrEqual(4.5)
      expect(contrastRatio(rgb(fill), rgb(COLORS.nightPage)), fill).toBeGreaterThanOrEqual(3)
    }
  })
})
