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
/** Space under a paragraph and a list item (`.nd-body p, li`); a paragraph's estimate adds PARAGRAPH_SLACK_PX more. */
export const BLOCK_GAP_PX = 6
export const PARAGRAPH_SLACK_PX = 2
/** A list item's content is indented this much of the text size (`padding-left`); in a card, CARD_LIST_INDENT_EM of the card's. */
export const LIST_INDENT_EM = 1.3
export const LIST_INDENT_PX = Math.round(FONT_PX * LIST_INDENT_EM)
export const CARD_LIST_INDENT_EM = 1.2
/** Tables: cell padding, the rule under each row, their line height, the space around a table. */
export const TABLE_CELL = { padX: 8, padY: 6, rule: 1, lineHeight: 1.5 }
export const TABLE_MARGIN_PX = 12
/** A browser's automatic table layout as estimated: no column under this share of the width, nor narrower than its longest cell of this many display units. */
export const TABLE_AUTO = { minShare: 0.1, minUnits: 4 }
/** A code block: padding on both sides, and the space around it. A monospace column is MONO_ADVANCE_EM of the size (a CJK character two). */
export const CODE_PAD_PX = 16
export const CODE_MARGIN_PX = 16
export const MONO_ADVANCE_EM = 0.6
/** Code inside a list or a quote (`pre.nd-pre`): padding and margin. */
export const NESTED_CODE = { pad: 8, margin: 4 }
/** A quote inside content, as Slidev's default theme sets it: taken off the width, added to the height. */
export const QUOTE_INSET = { x: 40, y: 16 }
/** What an image is estimated to take (it is drawn at most IMAGE_MAX_PX). */
export const IMAGE_ESTIMATE_PX = 280

/**
 * Cards and tiles (DefinitionCard.vue, the agenda's and references' tiles): padding, a 1 px border
 * with the left one ACCENT wide. Cards in compactFromColumns columns or more are compact: less padding, text at
 * COMPACT_EM of the size. A card's term is TERM_EM of its text, bold, TERM_GAP_PX above the text; a
 * step's number badge before it is STEP_BADGE_EM wide, margin included.
 */
export const CARD = { compactFromColumns: 3, padX: 18, padY: 12, compactPadX: 14, compactPadY: 8, border: 1, accent: 5, radius: 8, termEm: 1.05, compactEm: 0.85, termGapPx: 4, stepBadgeEm: 2, stepTextEm: 0.9, stepPadEm: 1 }
export const TILE = { padX: 18, padY: 14 }
/** Width and height a box's padding and borders take. */
export const boxWidthPx = (padX: number) => 2 * padX + CARD.border + CARD.accent
export const boxHeightPx = (padY: number) => 2 * padY + 2 * CARD.border
/** References: up to tilesMax links on a slide are tiles, more a list; the address under each link, at URL_EM of the size and TABLE_CELL's line height; the space under each. */
export const LINKS = { tilesMax: 6, urlEm: 0.7, urlLineHeight: 1.5, gapPx: 12 }
/** The agenda: the space above it, each entry's number (its size and line in a tile, its width beside an entry of a list) and the space under an entry. */
export const AGENDA = { marginTopPx: 8, numberPx: 26, numberLinePx: 36, numberWidthPx: 44, entryGapPx: 10 }

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

/**
 * The colours, in one place: the slides' (light and dark, as custom properties), the diagrams'
 * boxes (their text stays dark on light fills on a dark deck too), the timeline's light fills, the
 * handout's and the presenter's pace. Text on each meets WCAG's 4.5:1 (`npm run check` measures it).
 */
export const COLORS = {
  light: { 'accent': '#2563eb', 'muted': '#64748b', 'card-bg': 'rgba(37, 99, 235, 0.06)', 'card-border': 'rgba(37, 99, 235, 0.35)', 'step-text': '#ffffff', 'muted-on-card': '#475569' },
  dark: { 'accent': '#93c5fd', 'muted': '#94a3b8', 'card-bg': 'rgba(147, 197, 253, 0.08)', 'card-border': 'rgba(147, 197, 253, 0.4)', 'step-text': '#0f172a', 'muted-on-card': '#cbd5e1' },
  diagram: { ink: '#1e293b', ioFill: '#eef2ff', ioStroke: '#4f46e5', boxFill: '#f8fafc', stroke: '#2563eb', rootFill: '#2563eb', rootInk: '#ffffff', rootStroke: '#1d4ed8', groupFill: '#dbeafe', leafStroke: '#94a3b8', label: '#111827' },
  /** Timeline periods on a light deck: light fills, dark labels (the default theme's saturated ones put white text under 4.5:1). */
  pastels: ['#dbeafe', '#fef3c7', '#dcfce7', '#fce7f3', '#ede9fe', '#ffedd5', '#cffafe', '#e0e7ff', '#fae8ff', '#ecfccb', '#fee2e2', '#f1f5f9'],
  /**
   * Timeline periods on a dark deck (Mermaid's dark scale has one nearly as dark as the page): fills
   * that stand out from the page (3:1, WCAG's contrast for shapes) under light labels (4.5:1).
   */
  nightFills: ['#2563eb', '#b45309', '#15803d', '#be185d', '#7c3aed', '#c2410c', '#0e7490', '#0369a1', '#0f766e', '#4d7c0f', '#a16207', '#64748b'],
  nightLabel: '#f8fafc',
  /** The page behind them: Slidev's default theme's dark background. */
  nightPage: '#121212',
  handout: { light: { fg: '#111827', bg: '#ffffff', muted: '#6b7280', rule: '#d1d5db' }, dark: { fg: '#e5e7eb', bg: '#121212', muted: '#9ca3af', rule: '#374151' } },
  pace: { 'on-time': '#15803d', 'ahead': '#1d4ed8', 'behind': '#b91c1c' },
  /** The dev server's layout warning over the slide. */
  warning: { bg: '#b91c1c', fg: '#ffffff' },
} as const

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
    ['--nd-block-gap-px', `${BLOCK_GAP_PX}px`],
    ['--nd-list-indent', `${LIST_INDENT_EM}em`],
    ['--nd-card-list-indent', `${CARD_LIST_INDENT_EM}em`],
    ['--nd-cell-pad', `${TABLE_CELL.padY}px ${TABLE_CELL.padX}px`],
    ['--nd-table-line-height', String(TABLE_CELL.lineHeight)],
    ['--nd-pre-pad-px', `${NESTED_CODE.pad}px`],
    ['--nd-pre-margin-px', `${NESTED_CODE.margin}px`],
    ['--nd-card-pad', `${CARD.padY}px ${CARD.padX}px`],
    ['--nd-card-compact-pad', `${CARD.compactPadY}px ${CARD.compactPadX}px`],
    ['--nd-card-compact-em', `${CARD.compactEm}em`],
    ['--nd-card-term-em', `${CARD.termEm}em`],
    ['--nd-card-term-gap-px', `${CARD.termGapPx}px`],
    ['--nd-tile-pad', `${TILE.padY}px ${TILE.padX}px`],
    ['--nd-box-border-px', `${CARD.border}px`],
    ['--nd-box-accent-px', `${CARD.accent}px`],
    ['--nd-box-radius-px', `${CARD.radius}px`],
    ['--nd-url-em', `${LINKS.urlEm}em`],
    ['--nd-url-line-height', String(LINKS.urlLineHeight)],
    ['--nd-link-gap-px', `${LINKS.gapPx}px`],
    ['--nd-agenda-number-px', `${AGENDA.numberPx}px`],
    ['--nd-agenda-number-line-px', `${AGENDA.numberLinePx}px`],
    ['--nd-agenda-number-width-px', `${AGENDA.numberWidthPx}px`],
    ['--nd-agenda-margin-px', `${AGENDA.marginTopPx}px`],
    ['--nd-agenda-gap-px', `${AGENDA.entryGapPx}px`],
  ]
  const colours = (c: Record<string, string>, prefix = '--nd-') => Object.entries(c).map(([k, v]) => `  ${prefix}${k}: ${v};`)
  return [
    '/* Written by `npm run metrics` from scripts/pipeline/geometry.ts: the planner\'s numbers and the colours. Do not edit. */',
    ':root {',
    ...vars.map(([k, v]) => `  ${k}: ${v};`),
    ...colours(COLORS.light),
    ...colours(COLORS.pace, '--nd-pace-'),
    '}',
    'html.dark {',
    ...colours(COLORS.dark),
    '}',
    '',
  ].join('\n')
}
