/**
 * In-page: any CSS colour (rgb, oklch, a name) as the page paints it, read back from a one-pixel
 * canvas; the first font of a stack; a length in px.
 */
import type { Rgba } from '../pptx-types'

let ctx: CanvasRenderingContext2D | undefined

export function painted(css: string): Rgba {
  if (!ctx) {
    const canvas = document.createElement('canvas')
    canvas.width = 1
    canvas.height = 1
    ctx = canvas.getContext('2d', { willReadFrequently: true })!
  }
  ctx.clearRect(0, 0, 1, 1)
  ctx.fillStyle = '#000'
  ctx.fillStyle = css
  ctx.fillRect(0, 0, 1, 1)
  const [r = 0, g = 0, b = 0, a = 0] = ctx.getImageData(0, 0, 1, 1).data
  return { r, g, b, a: Math.round((a / 255) * 1000) / 1000 }
}

/** The first family of a font stack, unquoted. */
export const family = (stack: string) => (stack.split(',')[0] ?? '').trim().replace(/^["']|["']$/g, '')

export const px = (v: string) => Number.parseFloat(v) || 0

/** The first colour behind `el` that is not see-through (white when none is). */
export function opaqueBehind(el: Element | null): Rgba {
  for (let e = el; e; e = e.parentElement) {
    const c = painted(getComputedStyle(e).backgroundColor)
    if (c.a > 0)
      return c
  }
  return { r: 255, g: 255, b: 255, a: 1 }
}
