import { parseSync } from '@slidev/parser'
import { describe, expect, it } from 'vitest'
import { buildDeck } from '../../scripts/pipeline/generate'
import { NOTES, defaultConfig, readText } from '../helpers'

const extras = `---
after: 定义
layout: center
---

# A slide of my own

<!--
my speaker notes
-->

---
before: 参考文档
---

# Questions?

---

# Thank you
`

describe('hand-written slides from extra-slides.md', () => {
  const build = (source: string) => buildDeck({ text: readText(NOTES), file: 'data/notes.md', config: defaultConfig(), images: new Map(), extras: { source, file: 'data/extra-slides.md' } })

  it('go where their frontmatter says, with their own frontmatter and notes', () => {
    const { markdown, plan } = build(extras)
    const slides = parseSync(markdown, 'slides.md').slides
    expect(slides.length).toBe(plan.slides.length + 3)
    const titles = slides.map(s => s.title)
    const mine = titles.indexOf('A slide of my own')
    expect(titles[mine - 1]).toMatch(/^定义/) // the last slide of 定义
    expect(titles[mine + 1]).toBe('大模型发展历程')
    expect(slides[mine]!.frontmatter.layout).toBe('center')
    expect(slides[mine]!.note).toContain('my speaker notes')
    expect(titles[titles.indexOf('Questions?') + 1]).toBe('参考文档')
    expect(titles.at(-1)).toBe('Thank you')
  })

  it('name the line of a slide that points at a section that does not exist', () => {
    expect(() => build('---\nafter: 没有这一节\n---\n\n# x\n')).toThrowError(expect.objectContaining({ code: 'CONFIG_INVALID', where: { file: 'data/extra-slides.md', line: 1 } }))
  })
})
