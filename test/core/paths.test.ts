// Where generated files and default outputs go: the default notes keep slides.md and dist/slides.*;
// other notes get files named after them, so that exports of different notes never replace each other's.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { splitDevArgs } from '../../scripts/cli/dev-args'
import { requestsFor, requestsForAll } from '../../scripts/cli/export-command'
import { exportRequest } from '../../scripts/cli/export-request'
import { DEFAULT_NOTES, DEFAULT_SLIDES, ROOT, defaultHandoutPath, defaultOutput, defaultSitePath, outputNameFor, outputNamesFor, slidesFor } from '../../scripts/core/paths'

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

  it('notes named in Chinese (or any script) keep their name; the slides file Slidev serves stays ASCII', () => {
    expect(outputNameFor('/notes/2025/操作系统.md')).toBe('操作系统')
    expect(outputNameFor('/notes/nginx部署笔记 🚀.md')).toBe('nginx部署笔记_')
    expect(outputNameFor('/notes/Überblick-café.md')).toBe('Überblick-café')
    expect(outputNameFor('/notes/操作系统.md')).not.toBe(outputNameFor('/notes/计算机网络.md'))
    expect(slidesFor('/notes/操作系统.md')).toMatch(/\/\.notedeck-_-[0-9a-f]{8}\.slides\.md$/)
  })

  it('several notes in one command: same-named notes in different folders get their folders in front, never one output', () => {
    expect(outputNamesFor(['/n/2024/notes.md', '/n/2025/notes.md', '/n/2025/rag.md'])).toEqual(['2024-notes', '2025-notes', 'rag'])
    expect(outputNamesFor(['/a/x/notes.md', '/b/x/notes.md'])).toEqual(['a-x-notes', 'b-x-notes'])
    expect(outputNamesFor(['/n/2024/notes.md', '/n/2024/../2024/notes.md'])).toEqual(['notes', 'notes'])
    expect(outputNamesFor([DEFAULT_NOTES, '/n/talks/slides.md'])).toEqual(['slides', 'talks-slides'])
    // Folder names that only differ in characters a file name cannot hold: a hash of the path.
    const [one, two] = outputNamesFor(['/a b/notes.md', '/a_b/notes.md'])
    expect(one).toMatch(/^notes-[0-9a-f]{8}$/)
    expect(two).toMatch(/^notes-[0-9a-f]{8}$/)
    expect(one).not.toBe(two)
    // What the export command writes them to.
    const outputs = (files: string[], values: Record<string, unknown> = {}) => requestsForAll(files, ['pdf', 'pptx'], values).map(a => a.reqs.map(r => r.output))
    expect(outputs(['/n/2024/notes.md', '/n/2025/notes.md'])).toEqual([[dist('2024-notes.pdf'), dist('2024-notes.pptx')], [dist('2025-notes.pdf'), dist('2025-notes.pptx')]])
    expect(outputs(['/n/2024/notes.md', '/n/2025/notes.md'], { out: '/x' })).toEqual([['/x/2024-notes.pdf', '/x/2024-notes.pptx'], ['/x/2025-notes.pdf', '/x/2025-notes.pptx']])
    expect(outputs([])).toEqual([[dist('slides.pdf'), dist('slides.pptx')]])
    expect(outputs(['/n/2025/notes.md'])).toEqual([[dist('notes.pdf'), dist('notes.pptx')]])
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
