// A PowerPoint file read back by structure: per slide its text runs, text boxes, pictures,
// background and speaker notes, in slide order (as the presentation lists them).
import JSZip from 'jszip'

export interface PptxSlide {
  /** The text of every `a:t` run, in order. */
  runs: string[]
  /** Text boxes' rectangles, in EMU. */
  textBoxes: Array<{ x: number, y: number, w: number, h: number }>
  /** `p:pic` elements: pictures placed on the slide. */
  pictures: number
  /** Each picture's description (its text alternative), in order. */
  pictureAlts: string[]
  /** Each picture's pixels per point of its placed width (a PNG's width over its frame's), in order. */
  pictureScales: number[]
  /** The slide's background is a picture (a whole-slide fallback). */
  pictureBackground: boolean
  /** The text of its notes slide's runs. */
  notes: string
  /** PowerPoint tables (`a:tbl` in a graphic frame): their rectangle in EMU and each cell's text, row by row. */
  tables: Array<{ x: number, y: number, w: number, h: number, rows: string[][] }>
}

export interface PptxDeck { size: { cx: number, cy: number }, slides: PptxSlide[], fonts: string[], langs: string[] }

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'' }
export const xmlText = (s: string) => s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);/gi, (_, e: string) =>
  e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1))) : XML_ENTITIES[e]!)
const runsOf = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map(m => xmlText(m[1]!))
const target = (rels: string, type: string) => [...rels.matchAll(/<Relationship [^>]*>/g)].map(m => m[0]).find(r => r.includes(`/relationships/${type}"`))?.match(/Target="([^"]+)"/)?.[1]

export async function readPptx(data: Uint8Array): Promise<PptxDeck> {
  const zip = await JSZip.loadAsync(data)
  const text = (name: string) => zip.file(name)?.async('string') ?? Promise.resolve('')
  const presentation = await text('ppt/presentation.xml')
  const presentationRels = await text('ppt/_rels/presentation.xml.rels')
  const size = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(presentation)!
  const ids = [...presentation.matchAll(/<p:sldId [^>]*r:id="([^"]+)"/g)].map(m => m[1]!)
  const slides: PptxSlide[] = []
  const fonts = new Set<string>()
  const langs = new Set<string>()
  for (const id of ids) {
    const file = `ppt/${presentationRels.match(new RegExp(`<Relationship [^>]*Id="${id}"[^>]*>`))![0].match(/Target="([^"]+)"/)![1]!}`
    const xml = await text(file)
    const rels = await text(file.replace(/slides\/(slide\d+\.xml)$/, 'slides/_rels/$1.rels'))
    const notesTarget = target(rels, 'notesSlide')
    const notes = notesTarget ? runsOf(await text(`ppt/notesSlides/${notesTarget.split('/').pop()}`)).join('\n') : ''
    const textBoxes = [...xml.matchAll(/<p:sp>(?:(?!<\/p:sp>).)*?<p:cNvSpPr txBox="1"\/>(?:(?!<\/p:sp>).)*?<a:off x="(-?\d+)" y="(-?\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/gs)]
      .map(m => ({ x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]) }))
    for (const m of xml.matchAll(/<a:(?:latin|ea) typeface="([^"]+)"/g))
      fonts.add(m[1]!)
    for (const m of xml.matchAll(/<a:rPr lang="([^"]+)"/g))
      langs.add(m[1]!)
    const tables = [...xml.matchAll(/<p:graphicFrame>((?:(?!<\/p:graphicFrame>).)*)<\/p:graphicFrame>/gs)].map(m => m[1]!).filter(f => f.includes('<a:tbl>')).map((f) => {
      const [x, y, w, h] = /<a:off x="(-?\d+)" y="(-?\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(f)!.slice(1).map(Number) as [number, number, number, number]
      const rows = [...f.matchAll(/<a:tr\b(?:(?!<\/a:tr>).)*<\/a:tr>/gs)].map(r => [...r[0].matchAll(/<a:tc\b(?:(?!<\/a:tc>).)*<\/a:tc>/gs)].map(c => runsOf(c[0]).join('')))
      return { x, y, w, h, rows }
    })
    const pics = [...xml.matchAll(/<p:pic>((?:(?!<\/p:pic>).)*)<\/p:pic>/gs)].map(m => m[1]!)
    const pictureAlts = pics.map(p => xmlText(/<p:cNvPr [^>]*descr="([^"]*)"/.exec(p)?.[1] ?? ''))
    const pictureScales = await Promise.all(pics.map(async (p) => {
      const rel = /r:embed="([^"]+)"/.exec(p)?.[1]
      const media = rel && rels.match(new RegExp(`<Relationship [^>]*Id="${rel}"[^>]*>`))?.[0].match(/Target="\.\.\/([^"]+)"/)?.[1]
      const data = media ? await zip.file(`ppt/${media}`)?.async('uint8array') : undefined
      const cx = Number(/<a:ext cx="(\d+)"/.exec(p)?.[1] ?? 0)
      // A PNG's width is bytes 16-19 of its header; the frame's width in EMU (12 700 a point; 9 525 a CSS px).
      return data && data[1] === 0x50 && cx ? new DataView(data.buffer, data.byteOffset).getUint32(16) / (cx / 9525) : Number.NaN
    }))
    slides.push({
      runs: runsOf(xml),
      pictureAlts,
      pictureScales,
      tables,
      textBoxes,
      pictures: xml.match(/<p:pic>/g)?.length ?? 0,
      pictureBackground: /<p:bg>(?:(?!<\/p:bg>).)*<a:blipFill/s.test(xml),
      notes,
    })
  }
  return { size: { cx: Number(size[1]), cy: Number(size[2]) }, slides, fonts: [...fonts].sort(), langs: [...langs].sort() }
}
