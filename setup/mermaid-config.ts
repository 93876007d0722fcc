import type { MermaidConfig } from 'mermaid'
import { COLORS, FONTS, fontStack } from '../scripts/pipeline/geometry'

/** One font stack for slides and diagrams: the bundled fonts (scripts/pipeline/geometry.ts). */
export const FONT_FAMILY = fontStack(FONTS.sans, 'sans-serif')

export const mermaidConfig: MermaidConfig = {
  // Slidev asks for 'dark' on a dark deck (see mermaid-renderer.ts).
  theme: 'default',
  fontFamily: FONT_FAMILY,
  themeVariables: { fontFamily: FONT_FAMILY, fontSize: '16px' },
  securityLevel: 'strict',
  // Some shapes (stadiums, circles) are drawn with rough.js, which jitters their outlines at random
  // unless seeded: a fixed seed draws the same diagram the same way each time (same PDF, same PPTX bytes).
  handDrawnSeed: 1,
  flowchart: { htmlLabels: true, useMaxWidth: true, padding: 12 },
  timeline: { useMaxWidth: true, disableMulticolor: false },
  // The timeline brightens its events by 120 %, which washes the light fills of a light deck out to
  // white: each event keeps its period's colour.
  themeCSS: '.eventWrapper { filter: none; }',
  mindmap: { useMaxWidth: true, padding: 12 },
}

const scale = (fills: readonly string[], label: string): Record<string, string> => Object.fromEntries(fills.flatMap((fill, i) => [[`cScale${i}`, fill], [`cScaleLabel${i}`, label]]))

/**
 * Timeline sections on a light deck: the default theme's saturated fills put white or grey text
 * below the 4.5:1 contrast that text needs (`npm run check` measures it). Light fills, dark labels.
 */
export const lightThemeVariables = scale(COLORS.pastels, COLORS.diagram.label)
/** On a dark deck: the dark theme's own scale has a period nearly as dark as the page; deep fills, light labels. */
export const darkThemeVariables = scale(COLORS.nightFills, COLORS.nightLabel)
