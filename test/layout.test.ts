// One source for the layout numbers: the styles apply what the planner assumes.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { layoutCss } from '../scripts/layout'
import { ROOT } from '../scripts/paths'
import { readText } from './helpers'

describe('layout numbers', () => {
  const css = readText(join(ROOT, 'styles', 'index.css'))

  it('styles/layout.css is written from scripts/layout.ts (run `npm run metrics` after changing it)', () => {
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
