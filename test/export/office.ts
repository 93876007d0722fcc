// LibreOffice Impress as a PowerPoint client, headless: a file converted to PDF, then read back
// with poppler (page text, words off the page).
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { basename, join } from 'node:path'
import { tempDir } from '../helpers'

/**
 * LibreOffice, headless, with a profile of its own (it refuses to share one with another instance):
 * each PowerPoint converted to PDF, in one start of LibreOffice; the PDFs in `outDir` by the files'
 * names (which must differ).
 */
export function soffice(pptxs: string[], outDir: string): string[] {
  const profile = join(tempDir(), 'profile')
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...pptxs], { stdio: 'pipe', timeout: 120_000 + 20_000 * pptxs.length })
  }
  catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: Buffer }
    throw new Error(err.code === 'ENOENT' ? 'LibreOffice is not installed: apt-get install -y libreoffice-impress (the PowerPoint test opens each file in it)' : `soffice failed: ${err.stderr?.toString() ?? err.message}`)
  }
  finally {
    rmSync(profile, { recursive: true, force: true })
  }
  return pptxs.map(p => join(outDir, `${basename(p, '.pptx')}.pdf`))
}

export const pdfText = (pdf: string, page: number) => execFileSync('pdftotext', ['-raw', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' })
/** A PDF page as `pdftotext -bbox` gives it: its size and every word's box. */
export interface WordPage { w: number, h: number, words: Array<{ x0: number, y0: number, x1: number, y1: number, text: string }> }

/** Every page's words and their boxes (one run of poppler for all the checks on one PDF). */
export function wordBoxes(pdf: string): WordPage[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' })
  return html.split('<page ').slice(1).map((page) => {
    const [w, h] = [/width="([\d.]+)"/, /height="([\d.]+)"/].map(r => Number(r.exec(page)![1])) as [number, number]
    const words = [...page.matchAll(/<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)</g)].map((m) => {
      const [x0, y0, x1, y1] = m.slice(1, 5).map(Number) as [number, number, number, number]
      return { x0, y0, x1, y1, text: m[5]! }
    })
    return { w, h, words }
  })
}

/** Words whose box leaves their page. */
export function wordsOffPage(pages: WordPage[]): string[] {
  return pages.flatMap(p => p.words.filter(b => b.x0 < -1 || b.y0 < -1 || b.x1 > p.w + 1 || b.y1 > p.h + 1).map(b => b.text))
}

/**
 * Per page, the median height of its words' boxes as a share of the page's width (poppler's boxes:
 * a font's ascent to its descent, so the same text set in another font differs by a constant factor).
 */
export function wordHeights(pages: WordPage[]): number[] {
  return pages.map((p) => {
    const heights = p.words.map(b => b.y1 - b.y0).sort((a, b) => a - b)
    return heights.length ? heights[Math.floor(heights.length / 2)]! / p.w : 0
  })
}

/** The characters of `want` that `have` lacks (counted), in order. */
export function missingChars(want: string, have: string): string {
  const count = new Map<string, number>()
  for (const c of have)
    count.set(c, (count.get(c) ?? 0) + 1)
  return [...want].filter(c => (count.set(c, (count.get(c) ?? 0) - 1).get(c) ?? 0) < 0).join('')
}
