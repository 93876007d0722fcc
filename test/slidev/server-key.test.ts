// When one Slidev server may serve the next deck (the export or check of several notes, the site),
// and when it must start again: by the rule of Slidev's own `dev`.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../../scripts/core/paths'
import { serverKey } from '../../scripts/slidev/deck-host'
import { RESTART_FIELDS, RESTART_FIELDS_SOURCE } from '../../scripts/slidev/slidev-internals'
import { slidevSlides } from '../../scripts/slidev/slidev-slides'

const deck = (head: string, body = '# Title\n\ntext\n') => {
  const markdown = `---\n${head}\n---\n\n${body}`
  return serverKey(slidevSlides(markdown, 'slides.md'), markdown)
}
const BASE = 'theme: default\nfonts:\n  sans: Noto Sans SC\nmdc: false'

describe('a running server serves the next deck', () => {
  it('when they differ only in fields a page reads afresh: title, duration, colour schema, the first slide\'s own frontmatter', () => {
    const key = deck(`${BASE}\ntitle: One\nduration: 716\nlayout: cover\nbudget: 20`)
    expect(deck(`${BASE}\ntitle: Two\nduration: 222\ncolorSchema: dark\nlayout: default`)).toBe(key)
  })

  it('not when a field Slidev restarts on differs (theme, fonts, mdc), or KaTeX or Monaco is new', () => {
    const key = deck(BASE)
    expect(deck(BASE.replace('theme: default', 'theme: seriph'))).not.toBe(key)
    expect(deck(BASE.replace('Noto Sans SC', 'Inter'))).not.toBe(key)
    expect(deck(BASE.replace('mdc: false', 'mdc: true'))).not.toBe(key)
    expect(deck(BASE, '# Maths\n\n$$\nE = mc^2\n$$\n')).not.toBe(key)
  })

  it('RESTART_FIELDS are the pinned Slidev\'s own', () => {
    const cli = readFileSync(join(ROOT, 'node_modules/@slidev/cli/dist/cli.mjs'), 'utf8')
    const fields = JSON.parse(cli.match(RESTART_FIELDS_SOURCE)![1]!.replace(/'/g, '"').replace(/,\s*\]/, ']')) as string[]
    expect([...RESTART_FIELDS].sort()).toEqual([...fields].sort())
  })
})
