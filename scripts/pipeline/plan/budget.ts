/**
 * The layout budget: how much a slide holds, estimated from display widths.
 * Geometry follows styles/index.css on Slidev's 980x552 canvas (default layout padding 56px x 40px).
 */
import type { BlockContent, List, ListItem, Nodes, Table } from 'mdast'
import type { Block, Card, LinkItem } from '../types'
import { displayWidth } from '../char-width'
import { plainLines, plainText, wrapText } from '../text'
import { codeColumns, markCode, textWidthPx } from './font-metrics'

import { BODY_H, BODY_W, CARD_FONT_PX, DIAGRAM_MAX_PX, CODE_FONT_PX, codeLinePx, FONT_FLOOR_PX, FONT_PX, GAP_PX, LINE_HEIGHT, LIST_COLUMN_GAP_PX, TABLE_FONT_PX } from '../geometry'

export { BODY_H, BODY_W, CARD_FONT_PX, CODE_FONT_PX, codeLinePx, FONT_FLOOR_PX, FONT_PX, TABLE_FONT_PX }
export const LINE_PX = FONT_PX * LINE_HEIGHT
const CARD_GAP = GAP_PX

/** Card text line height (styles/index.css .nd-card-text). */
const CARD_LINE_PX = CARD_FONT_PX * LINE_HEIGHT

/** Lines `text` takes in `widthPx` at `font`, with the bundled font's own advance widths. */
export function linesFor(text: string, widthPx: number, font = FONT_PX, bold = false): number {
  return Math.max(1, wrapText(text, Math.max(font * 2, widthPx), s => textWidthPx(s, font, bold), false).length)
}

/** Lines `node`'s text takes in `widthPx`: each line it breaks itself (`<br>`, a hard break) wrapped on its own. */
export function nodeLines(node: Nodes, widthPx: number, font = FONT_PX, bold = false): number {
  return plainLines(node, markCode).reduce((n, line) => n + linesFor(line, widthPx, font, bold), 0)
}

function listHeight(list: List, width: number): number {
  return list.children.reduce((h, item) => h + itemHeight(item, width - LIST_INDENT_PX), 0)
}

export { LIST_COLUMN_GAP_PX }

/** A list set in two columns: the browser balances them; the taller half is the height. */
export function twoColumnListHeight(list: List, width: number): number {
  const column = (width - LIST_COLUMN_GAP_PX) / 2
  const heights = list.children.map(item => itemHeight(item, column - LIST_INDENT_PX))
  const half = Math.ceil(heights.length / 2)
  const sum = (hs: number[]) => hs.reduce((a, b) => a + b, 0)
  return Math.max(sum(heights.slice(0, half)), sum(heights.slice(half))) + 6
}

/** Indent of a list item's content (styles/index.css: `padding-left: 1.3em` at the body size). */
export const LIST_INDENT_PX = 26

/**
 * Height of a list item with what it holds, each child measured as what it is: a paragraph by its
 * lines, code as the one-line HTML block it is written as (`pre.nd-pre`, wrapped at the item's
 * width), a table by its rows, a nested list by its items.
 */
export function itemHeight(item: ListItem, width: number): number {
  return item.children.reduce((h, child) => h + nestedHeight(child as BlockContent, width), 0)
}

/** Code inside a list or quote (`pre.nd-pre` in styles/index.css): wrapped, 8 px padding, 4 px margins. */
export function nestedCodeHeight(value: string, width: number): number {
  return codeRows(value, width, CODE_FONT_PX, true) * codeLinePx(CODE_FONT_PX) + 16 + 8
}

function nestedHeight(node: BlockContent, width: number): number {
  switch (node.type) {
    case 'list': return listHeight(node, width)
    case 'code': return nestedCodeHeight(node.value, width)
    case 'table': return tableHeight(node, width) + 12
    case 'blockquote': return node.children.reduce((h, c) => h + nestedHeight(c as BlockContent, width - 40), 16)
    default: return nodeLines(node, width) * LINE_PX + 6
  }
}

export const CODE_PAD_PX = 16
/** A monospace column is about 0.6em; a CJK character in a code block counts as two columns. */
export const codeUnitPx = (font: number) => font * 0.6

/** Width a code block needs to show its widest line unwrapped at `font`, padding included. */
export function codeWidthPx(value: string, font: number): number {
  return Math.max(0, ...value.split('\n').map(codeColumns)) * codeUnitPx(font) + CODE_PAD_PX
}

/**
 * Column widths as a browser's automatic table layout roughly gives them: in proportion to each
 * column's longest cell, but no column under a tenth of the width.
 */
export function columnWidths(table: Table, width: number): number[] {
  const cols = Math.max(1, ...table.children.map(r => r.children.length))
  const longest = Array.from({ length: cols }, (_, i) => Math.max(4, ...table.children.map(r => displayWidth(plainText(r.children[i] ?? [])))))
  const total = longest.reduce((a, b) => a + b, 0)
  const shares = longest.map(l => Math.max(0.1, l / total))
  const sum = shares.reduce((a, b) => a + b, 0)
  return shares.map(s => (width * s) / sum - 16)
}

export function tableHeight(table: Table, width: number, font = TABLE_FONT_PX): number {
  const widths = columnWidths(table, width)
  return table.children.reduce((h, row) => {
    const lines = Math.max(1, ...row.children.map((c, i) => nodeLines(c, widths[i] ?? width, font)))
    return h + lines * Math.round(font * 1.5) + 13
  }, 0)
}

/** Rows each code line takes at `font`, wrapped when `wrap`. */
export function codeRows(value: string, width: number, font: number, wrap: boolean): number {
  const perLine = Math.floor((width - CODE_PAD_PX) / codeUnitPx(font))
  return value.split('\n').reduce((n, line) => n + (wrap ? Math.max(1, Math.ceil(codeColumns(line) / perLine)) : 1), 0)
}


export function codeHeight(value: string, width: number, font = CODE_FONT_PX, wrap = false, drawing = false): number {
  return codeRows(value, width, font, wrap) * codeLinePx(font, drawing) + CODE_PAD_PX + 16
}

export function contentHeight(node: BlockContent, width = BODY_W): number {
  switch (node.type) {
    case 'list': return listHeight(node, width) + 6
    case 'table': return tableHeight(node, width) + 12
    case 'code': return codeHeight(node.value, width)
    case 'blockquote': return node.children.reduce((h, c) => h + contentHeight(c as BlockContent, width - 40), 16)
    default: return nodeLines(node, width) * LINE_PX + 8
  }
}

/** The height `block` takes in `width` px: as estimated, times what the browser measured more (`grow`: corrections.ts). */
export function blockHeight(block: Block, width = BODY_W): number {
  return estimatedHeight(block, width) * (block.grow ?? 1)
}

function estimatedHeight(block: Block, width: number): number {
  switch (block.kind) {
    case 'paragraph':
      return contentHeight(block.node, width)
    case 'list':
      return block.columns === 2 ? twoColumnListHeight(block.node, width) : contentHeight(block.node, width)
    case 'table': return tableHeight(block.node, width, block.fontPx) + 12
    // The notes' own diagram is drawn as large as its slide lets it (setup/mermaid-renderer.ts).
    case 'code': return block.lang === 'mermaid' ? DIAGRAM_MAX_PX : codeHeight(block.value, width, block.fontPx, block.wrap, block.drawing)
    case 'quote': return block.content.reduce((h, c) => h + contentHeight(c, width - 40), 16)
    case 'image': return 280
    case 'terms': return block.items.reduce((h, i) => h + linesFor(`${i.term} ${plainText(i.description)}`, width) * LINE_PX + 6, 0)
    case 'links': return linksHeight(block.links, width)
    case 'timeline': return BODY_H
  }
}

/** Up to this many references on a slide are tiles that span it; more are a plain list. */
export const LINK_TILES_MAX = 6

/** Whether these references are set as tiles (else a plain list). */
export const linkTiles = (links: LinkItem[]): boolean => links.length <= LINK_TILES_MAX

/** A references list: each link's text, and its address below it, smaller (styles: .nd-refs). */
export function linksHeight(links: LinkItem[], width = BODY_W): number {
  const tiles = linkTiles(links)
  const inner = width - (tiles ? 38 : 26)
  return links.reduce((h, l) => h + linesFor(l.text, inner) * LINE_PX + linesFor(l.url, inner, 14) * 21 + (tiles ? 30 + 12 : 12), 0)
}

export function columnWidth(columns: number, width = BODY_W): number {
  return (width - CARD_GAP * (columns - 1)) / columns
}

/** Height of Markdown content in a card: text at the card size, lists without gaps (DefinitionCard.vue). */
function cardContentHeight(node: BlockContent, width: number): number {
  switch (node.type) {
    case 'paragraph': return nodeLines(node, width, CARD_FONT_PX) * CARD_LINE_PX
    case 'list': return node.children.reduce((h, item) => h + item.children.reduce((ih, c) => ih + cardContentHeight(c as BlockContent, width - 22), 0), 0)
    default: return contentHeight(node, width) * CARD_FONT_PX / FONT_PX
  }
}

/**
 * Height of a card in a grid of `columns`: padding and border, the term's lines, the text at the
 * card size. Cards in three or four columns are compact (less padding, a smaller term).
 */
export function cardHeight(card: Card, columns: number, width = BODY_W): number {
  const compact = columns >= 3
  const inner = cardInnerWidth(columns, width)
  const termPx = compact ? 17.85 : 21
  const body = card.content.reduce((h, c) => h + cardContentHeight(c, inner), 0)
  return ((compact ? 18 : 26) + linesFor(card.term, inner - (card.step ? termPx * 2 : 0), termPx, true) * termPx * 1.6 + 4 + body) * (card.grow ?? 1)
}

/** Width inside a card of a grid of `columns` (padding and border taken off). */
export const cardInnerWidth = (columns: number, width = BODY_W) => columnWidth(columns, width) - (columns >= 3 ? 34 : 42)

/**
 * Longer runs than this are not words but addresses and identifiers, which the slides break
 * (`overflow-wrap: break-word`) wherever they must.
 */
const WORD_MAX = 24

/**
 * Width of the widest word of `text` at `font`: a run a browser would rather not break (no space,
 * no CJK character in it, at most WORD_MAX characters).
 */
export function widestWordPx(text: string, font: number, bold = false): number {
  const words = text.split(/[\s\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60]+/u).filter(w => [...w].length <= WORD_MAX)
  return Math.max(0, ...words.map(w => textWidthPx(w, font, bold)))
}

/**
 * Everything in the card fits its width in a grid of `columns`: every code block's widest line (code
 * is not wrapped in cards), and the longest word of its term and of its text (a word a card cannot
 * break would stick out of it).
 */
export function cardFitsWidth(card: Card, columns: number, width = BODY_W): boolean {
  const inner = cardInnerWidth(columns, width)
  const termPx = columns >= 3 ? 17.85 : 21
  const text = card.content.filter(c => c.type !== 'code').map(c => plainText(c)).join(' ')
  return card.content.every(c => c.type !== 'code' || codeWidthPx(c.value, CODE_FONT_PX) <= inner)
    && widestWordPx(card.term, termPx, true) <= inner - (card.step ? termPx * 2 : 0)
    && widestWordPx(text, CARD_FONT_PX) <= inner
}

/** Height of cards laid out in rows of `columns`. */
export function gridHeight(cards: Card[], columns: number, width = BODY_W): number {
  let h = 0
  for (let i = 0; i < cards.length; i += columns)
    h += Math.max(...cards.slice(i, i + columns).map(c => cardHeight(c, columns, width))) + CARD_GAP
  return h - CARD_GAP
}
