import { defineMermaidRendererSetup } from '@slidev/types'
import mermaid from 'mermaid/dist/mermaid.esm.mjs'
import { diagramMaxWidthPx } from '../scripts/pipeline/plan/layout'
import { FONT_FAMILY, lightThemeVariables, mermaidConfig } from './mermaid-config'

let counter = 0

/**
 * Slidev shows the diagram in a shadow root, out of reach of the deck's CSS. Mermaid caps the SVG at
 * its natural width; let it fill the slide's width instead, up to the height and the area the slide
 * allows (`diagramMaxWidthPx`). The SVG's box is its drawing, no wider: an editable PowerPoint
 * takes the box as the diagram's picture.
 */
function fitToBox(svg: string, maxHeight?: number): string {
  const box = /^<svg[^>]*?\sviewBox="\s*[-\d.e]+[\s,]+[-\d.e]+[\s,]+([\d.e]+)[\s,]+([\d.e]+)\s*"/.exec(svg)
  const widest = box ? diagramMaxWidthPx(Number(box[1]), Number(box[2]), maxHeight) : undefined
  const size = box && widest ? `max-width: min(100%, ${widest}px); aspect-ratio: ${box[1]} / ${box[2]}` : 'max-width: 100%'
  return svg.replace(/^<svg([^>]*?)\sstyle="[^"]*"/, `<svg$1 style="${size}; height: auto; display: block; margin: 0 auto"`)
    .replace(/^<svg([^>]*?)\swidth="[^"]*"/, '<svg$1 width="100%"')
}

/**
 * Mermaid measures label text when it renders. The bundled CJK font is split into
 * unicode-range subsets that load lazily, so we load the subsets a diagram needs
 * before Mermaid measures; otherwise boxes are sized for a fallback font.
 */
export default defineMermaidRendererSetup(() => async (code: string, options: Record<string, unknown>) => {
  const text = code.replace(/\s+/g, '')
  await Promise.all([
    document.fonts.load(`400 16px ${FONT_FAMILY}`, text),
    document.fonts.load(`700 16px ${FONT_FAMILY}`, text),
  ])
  // Slidev passes { theme: 'dark' } on a dark deck and { theme: undefined } otherwise: only set keys
  // count. `ndMaxHeight` is notedeck's: the height the planner left for the diagram.
  const { ndMaxHeight, ...rest } = options
  const given = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined))
  const themeVariables = { ...mermaidConfig.themeVariables, ...(given.theme === 'dark' ? {} : lightThemeVariables) }
  mermaid.initialize({ startOnLoad: false, ...mermaidConfig, ...given, themeVariables })
  const container = document.getElementById('mermaid-rendering-container') ?? undefined
  const id = `nd-mermaid-${++counter}`
  try {
    const { svg } = await mermaid.render(id, code, container)
    return fitToBox(svg, typeof ndMaxHeight === 'number' ? ndMaxHeight : undefined)
  }
  finally {
    // Mermaid drafts a diagram in an element of the scratch container and removes it when done, but
    // not when the diagram does not parse: the page would never look finished (page-ready.ts).
    document.getElementById(`d${id}`)?.remove()
  }
})
