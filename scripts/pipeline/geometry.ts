/**
 * The layout numbers, in one place: what the planner's estimates (budget.ts) assume and what the
 * styles apply. styles/layout.css is written from these as CSS custom properties (`npm run
 * metrics`), and styles/index.css uses only those; a test fails when the two files disagree. Pure.
 */

/**
 * The bundled fonts, in the order a character falls back through them: text in Noto Sans SC, code
 * in Maple Mono CN (its CJK glyphs two columns wide), and emoji and symbols that neither has in the
 * monochrome Noto Emoji (@fontsource/noto-emoji; a colour emoji font draws nothing in headless
 * Chromium's PDF). Every font stack of the slides, the diagrams and the handout is made from these.
 */
export const FONTS = {
  sans: ['Noto Sans SC', 'Noto Emoji'],
  mono: ['Maple Mono CN', 'Noto Sans SC', 'Noto Emoji'],
} as const

/** A CSS `font-family` value of `families`, each quoted, then `generic`. */
export const fontStack = (families: readonly string[], generic: 'sans-serif' | 'monospace') => [...families.map(f => `'${f}'`), generic].join(', ')

/** Slidev's canvas and its default layout's padding. */
export const CANVAS = { width: 980, height: 552, padX: 56, padY: 40 }
/** The body of a slide: the canvas's width inside its padding, and the height left under a title. */
export const BODY_W = CANVAS.width - 2 * CANVAS.padX
export const BODY_H = 400
/** Body text. */
export const FONT_PX = 20
export const LINE_HEIGHT = 1.6
/** Card text (definition and step cards). */
export const CARD_FONT_PX = 18
/** Tables and code, unless the planner sets them smaller (fit.ts). */
export const TABLE_FONT_PX = 18
export const CODE_FONT_PX = 16
export const CODE_LINE_HEIGHT = 1.5
/** Line height of drawings in code (box drawing): their lines then meet from one line to the next. */
export const DRAWING_LINE_HEIGHT = 1.25
/** Line height of code at `font` px. */
export const codeLinePx = (font: number, drawing = false) => Math.round(font * (drawing ? DRAWING_LINE_HEIGHT : CODE_LINE_HEIGHT))
/** Smallest font on a slide. */
export const FONT_FLOOR_PX = 14
/** Gap between cards and tiles. */
export const GAP_PX = 14
/** Gap between the two columns of a list of short items. */
export const LIST_COLUMN_GAP_PX = 48
/** Tallest a diagram (setup/mermaid-renderer.ts) and a picture are drawn under a slide's title. */
export const DIAGRAM_MAX_PX = 390
/**
 * Most of the slide a diagram may cover. A diagram is a picture in an editable PowerPoint, and
 * Slidev's editable exporter turns a whole slide into one picture when pictures cover more than 60 %
 * of it: a diagram stays under that, with room to spare for rounding.
 */
export const DIAGRAM_MAX_AREA = 0.55

/**
 * The widest a diagram of `width` x `height` (its viewBox) is drawn: no taller than `maxHeight`
 * (DIAGRAM_MAX_PX, less on a slide that has more), and no larger than DIAGRAM_MAX_AREA of the
 * slide, keeping its proportions.
 */
export function diagramMaxWidthPx(width: number, height: number, maxHeight = DIAGRAM_MAX_PX): number {
  const ratio = width / height
  if (!(ratio > 0) || !Number.isFinite(ratio))
    return CANVAS.width
  const tallest = Math.min(maxHeight, Math.sqrt(DIAGRAM_MAX_AREA * CANVAS.width * CANVAS.height / ratio))
  return Math.floor(tallest * ratio)
}
export const IMAGE_MAX_PX = 360
/** The smallest a diagram's label may be drawn, px on the canvas: about 16 pt projected, legible from the back of a room. */
export const DIAGRAM_LABEL_MIN_PX = 16
/** What a diagram draws reaches at least this share of the body's width or of its height. */
export const DIAGRAM_FILL_MIN = 0.85

/** The custom properties styles/layout.css declares, from the numbers above. */
export function layoutCss(): string {
  const vars: Array<[string, string]> = [
    ['--nd-font', fontStack(FONTS.sans, 'sans-serif')],
    ['--nd-mono-font', fontStack(FONTS.mono, 'monospace')],
    ['--nd-font-px', `${FONT_PX}px`],
    ['--nd-line-height', String(LINE_HEIGHT)],
    ['--nd-card-font-px', `${CARD_FONT_PX}px`],
    ['--nd-table-font-px', `${TABLE_FONT_PX}px`],
    ['--nd-code-font-px', `${CODE_FONT_PX}px`],
    ['--nd-code-line-px', `${Math.round(CODE_FONT_PX * CODE_LINE_HEIGHT)}px`],
    ['--nd-gap-px', `${GAP_PX}px`],
    ['--nd-list-gap-px', `${LIST_COLUMN_GAP_PX}px`],
    ['--nd-diagram-max-px', `${DIAGRAM_MAX_PX}px`],
    ['--nd-image-max-px', `${IMAGE_MAX_PX}px`],
  ]
  return `/* Written by \`npm run metrics\` from scripts/pipeline/geometry.ts: the planner's numbers. Do not edit. */\n:root {\n${vars.map(([k, v]) => `  ${k}: ${v};`).join('\n')}\n}\n`
}
