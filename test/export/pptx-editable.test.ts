// What the editable PowerPoint's export tells the user: each thing Slidev's exporter could not do
// is a warning line; the fonts it named are one line of their own; a clean report has no warning.
import { describe, expect, it } from 'vitest'
import { reportLines } from '../../scripts/export/pptx-editable'
import type { EditableReport } from '../../scripts/slidev/slidev-internals'

const clean: EditableReport = { slideCount: 3, fallbackSlides: [], imagesDropped: 0, isolationMissed: 0, rastersFailed: 0, unparsedColors: [], unplaceablePseudos: [], fontsNamed: ['Maple Mono CN', 'Noto Sans SC'] }

describe('the editable exporter\'s report', () => {
  it('a clean export: no warnings, the fonts named', () => {
    expect(reportLines(clean)).toEqual({ warnings: [], fonts: 'fonts named in the PowerPoint (a recipient needs them installed): Maple Mono CN, Noto Sans SC' })
  })

  it('one warning per kind of problem, naming the slides and values', () => {
    const { warnings, fonts } = reportLines({ ...clean, fallbackSlides: [{ no: 6, reason: '63% of the slide had to be rasterized' }], imagesDropped: 2, rastersFailed: 1, isolationMissed: 1, unparsedColors: ['color(display-p3 1 0 0)'], unplaceablePseudos: ['li::before'], fontsNamed: [] })
    expect(warnings).toEqual([
      'slide 6 is one picture in the PowerPoint (63% of the slide had to be rasterized)',
      '2 image(s) could not be read and were left out',
      '1 element(s) could not be captured as a picture and were left out',
      '1 colour value(s) could not be read: color(display-p3 1 0 0)',
      '1 picture(s) could not be isolated and may show doubled text',
      'CSS decorations left out: li::before',
    ])
    expect(fonts).toBeUndefined()
  })
})
