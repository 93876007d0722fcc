/**
 * A PowerPoint file of pictures: each slide's PNG as the slide's background, its speaker notes as
 * the slide's notes, the deck's title and author in the file's properties (what Slidev's `pptx`
 * export makes).
 */
import { parseSync } from '@slidev/parser'
import { CANVAS } from '../pipeline/geometry'

export interface PicturesDeck {
  slidesMarkdown: string
  pictures: Buffer[]
}

export async function picturesPptx({ slidesMarkdown, pictures }: PicturesDeck): Promise<Uint8Array> {
  const { default: PptxGenJS } = await import('pptxgenjs')
  const { slides } = parseSync(slidesMarkdown, 'slides.md')
  const pptx = new PptxGenJS()
  pptx.defineLayout({ name: 'notedeck', width: CANVAS.width / 96, height: CANVAS.height / 96 })
  pptx.layout = 'notedeck'
  const cover = slides[0]
  const author = cover?.frontmatter.author
  if (typeof author === 'string')
    pptx.author = author
  if (cover?.title)
    pptx.title = cover.title
  pptx.company = 'notedeck'
  pictures.forEach((png, i) => {
    const slide = pptx.addSlide()
    slide.background = { data: `data:image/png;base64,${png.toString('base64')}` }
    const note = slides[i]?.note
    if (note)
      slide.addNotes(note)
  })
  return new Uint8Array(await pptx.write({ outputType: 'nodebuffer' }) as Buffer)
}
