import { defineMermaidRendererSetup } from '@slidev/types'
import mermaid from 'mermaid/dist/mermaid.esm.mjs'
import { DIAGRAM_MAX_PX } from '../scripts/pipeline/geometry'
import { fitToBox, labelPx, measureDrawn } from './mermaid-fit'
import { FONT_FAMILY, darkThemeVariables, lightThemeVariables, mermaidConfig } from './mermaid-config'

let counter = 0

/**
 * Mermaid's configuration is one for the page, and a render reads it when it runs: the diagrams of a
 * deck are drawn one at a time, each configured and drawn together, or a diagram drawn again with a
 * larger font sets it for another one in between (a timeline drawn at 34 px in boxes made for 16).
 */
let queue: Promise<unknown> = Promise.resolve()
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task)
  queue = run.catch(() => undefined)
  return run
}

/** Labels are drawn at least this large on the canvas where a larger font can make them so; the font grows up to FONT_MAX_PX. */
const LABEL_TARGET_PX = 18
const FONT_MIN_PX = 16
const FONT_MAX_PX = 36
const ATTEMPTS = 4
/** Mermaid's own wrapping width for labels (its default), at FONT_MIN_PX. */
const WRAP_AT_16PX = 200
/**
 * Diagrams whose boxes grow with their text (a larger font gives larger boxes, not text spilling out
 * of them): only these are drawn again with a larger font. A timeline's boxes are 150 units wide.
 */
const GROWS_WITH_TEXT = /^\s*(?:flowchart|graph|mindmap|stateDiagram|classDiagram|erDiagram|sequenceDiagram)\b/

/**
 * Mermaid measures label text when it renders. The bundled CJK font is split into
 * unicode-range subsets that load lazily, so we load the subsets a diagram needs
 * before Mermaid measures; otherwise boxes are sized for a fallback font.
 *
 * A diagram whose labels would be drawn under LABEL_TARGET_PX once fitted to the room is drawn
 * again with a larger font (its boxes grow with it, so it is scaled down less), up to FONT_MAX_PX;
 * the drawing with the largest labels is kept.
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
  const maxHeight = typeof ndMaxHeight === 'number' ? ndMaxHeight : DIAGRAM_MAX_PX
  const given = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined))
  const container = document.getElementById('mermaid-rendering-container') ?? undefined
  const draw = (fontPx: number) => oneAtATime(async () => {
    const themeVariables = { ...mermaidConfig.themeVariables, ...(given.theme === 'dark' ? darkThemeVariables : lightThemeVariables), fontSize: `${fontPx}px` }
    // Mermaid wraps a label at its wrapping width, in the diagram's units: at a larger font the same
    // width holds fewer characters, so it grows with the font (the labels keep the breaks they had).
    const scaled = (n: number | undefined) => Math.round((n ?? WRAP_AT_16PX) * fontPx / FONT_MIN_PX)
    const flowchart = { ...mermaidConfig.flowchart, wrappingWidth: scaled(mermaidConfig.flowchart?.wrappingWidth) }
    mermaid.initialize({ startOnLoad: false, ...mermaidConfig, ...given, flowchart, themeVariables })
    const id = `nd-mermaid-${++counter}`
    try {
      return measureDrawn((await mermaid.render(id, code, container)).svg)
    }
    finally {
      // Mermaid drafts a diagram in an element of the scratch container and removes it when done, but
      // not when the diagram does not parse: the page would never look finished (page-ready.ts).
      document.getElementById(`d${id}`)?.remove()
    }
  })
  let fontPx = FONT_MIN_PX
  let best = await draw(fontPx)
  for (let attempt = 1; attempt < ATTEMPTS && best.drawn && GROWS_WITH_TEXT.test(code); attempt++) {
    const shown = labelPx(best.drawn, maxHeight)
    const next = Math.min(FONT_MAX_PX, Math.ceil(fontPx * LABEL_TARGET_PX / shown))
    if (shown >= LABEL_TARGET_PX || next <= fontPx)
      break
    fontPx = next
    const again = await draw(fontPx)
    if (again.drawn && labelPx(again.drawn, maxHeight) > shown)
      best = again
  }
  return fitToBox(best.svg, best.drawn, maxHeight)
})
