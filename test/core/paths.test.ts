// Where generated files and default outputs go: the default notes keep slides.md and dist/slides.*;
// other notes get files named after them, so that exports of different notes never replace each other's.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { splitDevArgs } from '../../scripts/cli/dev-args'
import { requestsFor } from '../../scripts/cli/export-command'
import { exportRequest } from '../../scripts/cli/export-request'
import { DEFAULT_NOTES, DEFAULT_SLIDES, ROOT, defaultHandoutPath, defaultOutput, defaultSitePath, outputNameFor, slidesFor } from '../../scripts/core/paths'

const dist = (f: string) => join(ROOT, 'dist', f)

describe('default file names', () => {
  it('the default notes: slides.md, dist/slides.*, dist/handout.pdf', () => {
    expect(slidesFor(DEFAULT_NOTES)).toBe(DEFAULT_SLIDES)
    const name = outputNameFor(DEFAULT_NOTES)
    expect(defaultOutput(ROOT, 'pdf', false, name)).toBe(dist('slides.pdf'))
    expect(defaultOutput(ROOT, 'pptx', true, name)).toBe(dist('slides-dark.pptx'))
    expect(defaultHandoutPath(ROOT, false, name)).toBe(dist('handout.pdf'))
    expect(defaultHandoutPath(ROOT, true, name)).toBe(dist('handout-dark.pdf'))
  })

  it('other notes: named after the notes file, characters unsafe in a file name replaced', () => {
    const notes = '/somewhere/else/Lecture 3: attention.md'
    expect(slidesFor(notes)).toMatch(new RegExp(`^${ROOT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/\\.notedeck-Lecture_3_attention-[0-9a-f]{8}\\.slides\\.md$`))
    const name = outputNameFor(notes)
    expect(name).toBe('Lecture_3_attention')
    expect(defaultOutput(ROOT, 'pdf', false, name)).toBe(dist('Lecture_3_attention.pdf'))
    expect(defaultOutput(ROOT, 'pptx-image', false, name)).toBe(dist('Lecture_3_attention-image.pptx'))
    expect(defaultOutput(ROOT, 'png', true, name)).toBe(dist('Lecture_3_attention-dark-png'))
    expect(defaultHandoutPath(ROOT, false, name)).toBe(dist('Lecture_3_attention-handout.pdf'))
    expect(exportRequest({}, 'pptx', name).output).toBe(dist('Lecture_3_attention.pptx'))
  })

  it('notes of the same name in different folders get slides files of their own, each always the same', () => {
    expect(slidesFor('/notes/2024/intro.md')).not.toBe(slidesFor('/notes/2025/intro.md'))
    expect(slidesFor('/notes/2024/intro.md')).toBe(slidesFor('/notes/2024/../2024/intro.md'))
  })

  it('-o: the file of one notes file in one format; else the folder the outputs go to by their usual names', () => {
    const outputs = (formats: Array<'pdf' | 'pptx' | 'png'>, several: boolean, out?: string) =>
      requestsFor('/n/week-2.md', formats, out ? { out } : {}, several).map(r => r.output)
    expect(outputs(['pdf'], false)).toEqual([dist('week-2.pdf')])
    expect(outputs(['pdf'], false, '/x/talk.pdf')).toEqual(['/x/talk.pdf'])
    expect(outputs(['pdf', 'png'], false, '/x')).toEqual(['/x/week-2.pdf', '/x/week-2-png'])
    // Several notes: never one file for all of them.
    expect(outputs(['pdf'], true, '/x')).toEqual(['/x/week-2.pdf'])
    expect(outputs(['pptx'], true)).toEqual([dist('week-2.pptx')])
  })

  it('dev --pdf writes the PDF export would, for the notes given in any position', () => {
    expect(splitDevArgs(['--pdf']).pdf).toBe(dist('slides.pdf'))
    expect(splitDevArgs(['--pdf', 'notes/week-2.md']).pdf).toBe(dist('week-2.pdf'))
    expect(splitDevArgs(['notes/week-2.md', '--pdf']).pdf).toBe(dist('week-2.pdf'))
    expect(splitDevArgs(['--pdf=out/x.pdf', 'notes/week-2.md']).pdf).toMatch(/out\/x\.pdf$/)
  })
})
