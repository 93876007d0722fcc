/**
 * A PowerPoint file of pictures: each slide's PNG as the slide's background, its speaker notes as
 * the slide's notes, the deck's title and author in the file's properties (what Slidev's `pptx`
 * export makes).
 */
import { CANVAS } from '../pipeline/geometry'
import type { Deck } from '../pipeline/types'

export interface PicturesDeck {
  deck: Deck
  pictures: Buffer[]
}

export async function picturesPptx({ deck, pictures }: PicturesDeck): Promise<Uint8Array> {
  const { default: PptxGenJS } = await import('pptxgenjs')
  const pptx = new PptxGenJS()
  pptx.defineLayout({ name: 'notedeck', width: CANVAS.width / 96, height: CANVAS.height / 96 })
  pptx.layout = 'notedeck'
  if (deck.author)
    pptx.author = deck.author
  if (deck.title)
    pptx.title = deck.title
  pptx.company = 'notedeck'
  pictures.forEach((png, i) => {
    const slide = pptx.addSlide()
    slide.background = { data: `data:image/png;base64,${png.toString('base64')}` }
    const note = deck.slides[i]?.notes
    if (note)
      slide.addNotes(note)
  })
  return new Uint8Array(await pptx.write({ outputType: 'nodebuffer' }) as Buffer)
}
