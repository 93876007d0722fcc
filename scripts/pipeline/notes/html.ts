/**
 * Raw HTML in notes. Only images are taken as markup (src, alt, width); everything else is shown
 * as the literal text the author typed, so notes can never inject script, styles or components.
 */
import { Parser } from 'htmlparser2'
import type { ImageRef, Span } from '../types'

export interface HtmlContent {
  images: ImageRef[]
  /** True when the HTML holds nothing but images, line breaks and white space. */
  imagesOnly: boolean
}

export function readHtml(value: string, span: Span): HtmlContent {
  const images: ImageRef[] = []
  let imagesOnly = true
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === 'img' && attrs.src) {
        const width = Number.parseInt(attrs.width ?? '', 10)
        images.push({ url: attrs.src, alt: attrs.alt ?? '', ...(width > 0 ? { width } : {}), span })
      }
      else if (name !== 'br' && name !== 'p') {
        imagesOnly = false
      }
    },
    ontext(text) {
      if (text.trim())
        imagesOnly = false
    },
    oncomment() {
      imagesOnly = false
    },
  }, { decodeEntities: true })
  parser.write(value)
  parser.end()
  return { images, imagesOnly: imagesOnly && images.length > 0 }
}
