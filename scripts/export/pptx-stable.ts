/**
 * A PowerPoint file whose bytes depend on its content only, so the export cache and `git diff`
 * stay meaningful: the creation and change dates in its properties and every zip entry's date are
 * fixed, the entries keep their order. For a deck not in English, each text run is marked with the
 * deck's language (`lang`, English as `altLang`): a viewer then picks a font for that language
 * where the named one is missing (and the right forms of shared CJK characters), and checks
 * spelling in it. Pure, on bytes.
 */
import JSZip from 'jszip'

/** The date every export carries (Office's own documents cannot be older than 1980). */
export const FIXED_DATE = new Date('2000-01-01T00:00:00Z')
const W3CDTF = FIXED_DATE.toISOString().replace(/\.\d{3}Z$/, 'Z')

/** The parts whose text runs carry a language: slides and their notes. */
const TEXT_PART = /^ppt\/(?:slides|notesSlides)\/[^/]+\.xml$/

export interface StableOptions {
  /** The deck's language tag (`zh-CN`, `en`), from the slides' headmatter. */
  lang?: string | undefined
}

function withDates(xml: string): string {
  return xml.replace(/(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(<\/dcterms:)/g, `$1${W3CDTF}$2`)
}

function withLang(xml: string, lang: string): string {
  return xml.replace(/<a:(rPr|endParaRPr) lang="en-US"/g, `<a:$1 lang="${lang}" altLang="en-US"`)
}

export async function stablePptx(data: Uint8Array, { lang }: StableOptions = {}): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data)
  const out = new JSZip()
  const marked = lang && !/^en\b/i.test(lang) ? lang : undefined
  for (const entry of Object.values(zip.files)) {
    if (entry.dir)
      continue
    const body = entry.name === 'docProps/core.xml'
      ? withDates(await entry.async('string'))
      : marked && TEXT_PART.test(entry.name)
        ? withLang(await entry.async('string'), marked)
        : await entry.async('uint8array')
    out.file(entry.name, body, { date: FIXED_DATE, createFolders: false })
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } })
}
