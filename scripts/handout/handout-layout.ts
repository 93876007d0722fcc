/**
 * The handout's page: A4 portrait, rows of [slide | speaker notes], a footer with the deck title
 * and page numbers. This module writes the HTML (pure); page/in-page/handout-paging.ts pages and fits it in the
 * browser; the slides themselves are drawn into the empty frames afterwards, as vector PDF pages.
 */
import type { HandoutContent } from './handout-content'
import { CANVAS, COLORS, FONTS, fontStack } from '../pipeline/geometry'
import { clock } from '../core/pace'

export type PerPage = 2 | 3
export const PER_PAGE_CHOICES: readonly PerPage[] = [2, 3]
export const DEFAULT_PER_PAGE: PerPage = 3

/** Geometry in millimetres. The slide frame keeps the deck's canvas ratio. */
export const PAGE = { width: 210, height: 297, margin: 12, footer: 10, gap: 5, caption: 6, column: 6 }
export const SLIDE_RATIO = CANVAS.height / CANVAS.width
const SLIDE_WIDTH: Record<PerPage, number> = { 2: 116, 3: 104 }

export interface Geometry {
  perPage: PerPage
  /** Height of one slot (a row spans one or more). */
  slot: number
  slideWidth: number
  slideHeight: number
}

export function geometry(perPage: PerPage): Geometry {
  const body = PAGE.height - 2 * PAGE.margin - PAGE.footer
  const slot = (body - (perPage - 1) * PAGE.gap) / perPage
  const slideWidth = SLIDE_WIDTH[perPage]
  return { perPage, slot, slideWidth, slideHeight: slideWidth * SLIDE_RATIO }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)

export interface HandoutHtmlOptions {
  perPage: PerPage
  dark: boolean
  lang: string
  /** URL of the stylesheet that declares the bundled font. */
  fontCss: string
  /** Each slide's text, by slide number: the alternative of its picture. */
  slideTexts?: string[] | undefined
}

function row(s: HandoutContent['slides'][number], alt: string | undefined): string {
  // The number stays outside the heading: Chromium makes the PDF outline from the headings' text.
  const tag = s.level === undefined ? 'span' : `h${Math.min(s.level + 1, 6)}`
  const time = s.budget ? `<span class="time" title="planned time">${clock(s.budget)}</span>` : ''
  const caption = `<div class="caption">${time}<span class="no">${s.no}</span><${tag} class="name">${escapeHtml(s.title)}</${tag}></div>`
  const notes = s.notesHtml ? `<div class="notes">${s.notesHtml}</div>` : `<div class="notes empty"></div>`
  return `<section class="row" data-no="${s.no}">${caption}<div class="body"><div class="frame" role="img" aria-label="${escapeHtml(alt || s.title)}"></div>${notes}</div></section>`
}

export function handoutHtml(content: HandoutContent, opts: HandoutHtmlOptions): string {
  const g = geometry(opts.perPage)
  const { fg, bg, muted, rule } = COLORS.handout[opts.dark ? 'dark' : 'light']
  return `<!doctype html>
<html lang="${escapeHtml(opts.lang)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self' 'unsafe-inline'; font-src 'self'">
<title>${escapeHtml(content.title)}</title>
<link rel="stylesheet" href="${escapeHtml(opts.fontCss)}">
<style>
@page { size: A4 portrait; margin: 0 }
* { box-sizing: border-box }
html, body { margin: 0; background: ${bg}; color: ${fg}; font-family: ${fontStack(FONTS.sans, 'sans-serif')}; -webkit-print-color-adjust: exact; print-color-adjust: exact }
.page { position: relative; width: ${PAGE.width}mm; height: ${PAGE.height}mm; padding: ${PAGE.margin}mm; overflow: hidden; break-after: page; background: ${bg} }
.page:last-child { break-after: auto }
.row { position: absolute; left: ${PAGE.margin}mm; right: ${PAGE.margin}mm; height: ${g.slot}mm; display: flex; flex-direction: column }
.caption { height: ${PAGE.caption}mm; font-size: 9pt; line-height: ${PAGE.caption - 1.5}mm; white-space: nowrap; overflow: hidden; text-overflow: ellipsis }
.caption .no { color: ${muted}; margin-right: 2mm }
.caption .time { float: right; color: ${muted}; margin-left: 2mm; font-variant-numeric: tabular-nums }
.caption .name { display: inline; margin: 0; font-size: inherit; font-weight: 700 }
.body { flex: 1; display: flex; gap: ${PAGE.column}mm; min-height: 0 }
.frame { flex: none; width: ${g.slideWidth}mm; height: ${g.slideHeight}mm; border: 0.4mm solid ${rule} }
.notes { flex: 1; min-width: 0; height: 100%; overflow: hidden; font-size: 9.5pt; line-height: 1.45; overflow-wrap: anywhere }
.notes > :first-child { margin-top: 0 }
.notes p, .notes ul, .notes ol, .notes pre { margin: 0 0 0.5em }
.notes ul, .notes ol { padding-left: 1.2em }
.notes pre, .notes code { font-family: ${fontStack(FONTS.mono, 'monospace')}; font-variant-ligatures: none; font-size: 0.9em; white-space: pre-wrap }
.notes a { color: inherit }
.notes.empty { background: repeating-linear-gradient(to bottom, transparent 0, transparent 7.5mm, ${rule} 7.5mm, ${rule} 7.8mm) }
.footer { position: absolute; left: ${PAGE.margin}mm; right: ${PAGE.margin}mm; bottom: ${PAGE.margin}mm; height: ${PAGE.footer - 4}mm; display: flex; justify-content: space-between; align-items: flex-end; border-top: 0.3mm solid ${rule}; padding-top: 1.5mm; font-size: 8pt; color: ${muted} }
.footer h1, .footer .title { margin: 0; font-size: 8pt; font-weight: 400 }
</style></head>
<body>
<main id="rows" data-per-page="${opts.perPage}" data-slot="${g.slot}" data-gap="${PAGE.gap}" data-margin="${PAGE.margin}" data-caption="${PAGE.caption}" data-title="${escapeHtml(content.title)}">
${content.slides.map(s => row(s, opts.slideTexts?.[s.no - 1])).join('\n')}
</main>
</body></html>
`
}
