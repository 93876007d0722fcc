/**
 * What the page reports about one rendered slide (`in-page/measure.ts` measures it inside Chromium),
 * and what it is told: the types both sides share. Types only: nothing here runs.
 */
import type { SlidevInternals } from '../slidev/slidev-internals'
import type { CodeRanges } from '../core/ranges'

export interface Excess { px: number, what: string }

/** One diagram on a slide: drawn or failed, how large what it draws is, how large its smallest label. */
export interface DiagramMeasure {
  rendered: boolean
  error?: string
  /** What the diagram draws (its shapes, lines and labels), canvas px. */
  drawn?: { width: number, height: number }
  /** The smallest label's font size as drawn, canvas px. */
  smallestLabel?: number
}

export interface Measurement {
  /** The slide is not on the page. */
  error?: string
  /** Slidev's error instead of the slide (it did not compile). */
  failed?: string
  /** Content outside the slide, most first. */
  overflow: Excess[]
  /** Content a box on the slide hides or lets spill (a code block that scrolls, a card, a cell). */
  clipped: Excess[]
  /** Diagram labels outside their shapes. */
  labels: Excess[]
  diagrams: DiagramMeasure[]
  /** Images that did not load. */
  images: string[]
  /** Characters no bundled font of their stack has. */
  missing: string[]
  /** Text below WCAG AA contrast (measured only for the check). */
  contrast: Array<{ ratio: number, needs: number, what: string }>
  /** The slide's layout class: cover and section slides are not content slides. */
  layout?: string
  /** Union box of the slide's text, images and diagrams, as a share of the slide. */
  coverage?: number
  /** Code blocks whose columns do not line up (measured only for the check). */
  mono?: string[]
  /** Height of the content under the title, px. */
  body?: number
}

/** What a page measures with, and how much. */
export interface MeasureOptions {
  S: SlidevInternals
  /** The font stacks of text and code, as families in fallback order (FONTS in geometry.ts). */
  fonts: { sans: readonly string[], mono: readonly string[] }
  /** What each stack can draw, as sorted merged code point ranges (read from the font files: METRICS.cover). */
  cover: { sans: CodeRanges, mono: CodeRanges }
  /** Also what only the check reports: contrast and code columns (slower). */
  full: boolean
  /** Slidev's canvas width, px: a slide drawn at another width is measured in canvas px. */
  canvasWidth: number
}

/** What a whole page reports beside its slides: bundled fonts that failed, families it lacks. */
export interface PageFonts { failed: string[], absent: string[] }
