/**
 * The layout budget: how much a slide holds, estimated from display widths. Every number of the
 * layout comes from geometry.ts, which styles/layout.css (and so the styles) is written from.
 */
import type { BlockContent, List, ListItem, Nodes, Table } from 'mdast'
import type { Block, Card, LinkItem } from '../types'
import { displayWidth } from '../char-width'
import { plainLines, plainText, wrapText } from '../text'
import { codeColumns, markCode, textWidthPx } from './font-metrics'

import { BLOCK_GAP_PX, BODY_H, BODY_W, CARD, CARD_FONT_PX, CARD_LIST_INDENT_EM, CODE_FONT_PX, CODE_MARGIN_PX, CODE_PAD_PX, DIAGRAM_MAX_PX, FONT_FLOOR_PX, FONT_PX, GAP_PX, IMAGE_ESTIMATE_PX, LINE_HEIGHT, LINKS, LIST_COLUMN_GAP_PX, LIST_INDENT_PX, MONO_ADVANCE_EM, NESTED_CODE, PARAGRAPH_SLACK_PX, QUOTE_INSET, TABLE_AUTO, TABLE_CELL, TABLE_FONT_PX, TABLE_MARGIN_PX, TILE, boxHeightPx, boxWidthPx, codeLinePx } from '../geometry'
import { WORD_MAX } from '../text'

export { BODY_H, BODY_W, CARD_FONT_PX, CODE_FONT_PX, CODE_PAD_PX, LIST_INDENT_PX, codeLinePx, FONT_FLOOR_PX, FONT_PX, TABLE_FONT_PX }
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
  return Math.max(sum(heights.slice(0, half)), sum(heights.slice(half))) + BLOCK_GAP_PX
}

/**
 * Height of a list item with what it holds, each child measured as what it is: a paragraph by its
 * lines, code as the one-line HTML block it is written as (`pre.nd-pre`, wrapped at the item's
 * width), a table by its rows, a nested list by its items.
 */
export function itemHeight(item: ListItem, width: number): number {
  return item.children.reduce((h, child) => h + nestedHeight(child as BlockContent, width), 0)
}

/** Code inside a list or quote (`pre.nd-pre` in styles/index.css): wrapped, with its padding and margins. */
export function nestedCodeHeight(value: string, width: number): number {
  return codeRows(value, width, CODE_FONT_PX, true) * codeLinePx(CODE_FONT_PX) + 2 * NESTED_CODE.pad + 2 * NESTED_CODE.margin
}

function nestedHeight(node: BlockContent, width: number): number {
  switch (node.type) {
    case 'list': return listHeight(node, width)
    case 'code': return nestedCodeHeight(node.value, width)
    case 'table': return tableHeight(node, width) + TABLE_MARGIN_PX
    case 'blockquote': return quoteHeight(node, width, nestedHeight)
    default: return nodeLines(node, width) * LINE_PX + BLOCK_GAP_PX
  }
}

/** A quote's children in its inset width, and the inset's height. */
function quoteHeight(node: { children: unknown[] }, width: number, inner: (node: BlockContent, width: number) => number): number {
  return node.children.reduce<number>((h, c) => h + inner(c as BlockContent, width - QUOTE_INSET.x), QUOTE_INSET.y)
}

/** A monospace column; a CJK character in a code block counts as two columns. */
export const codeUnitPx = (font: number) => font * MONO_ADVANCE_EM

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
  const longest = Array.from({ length: cols }, (_, i) => Math.max(TABLE_AUTO.minUnits, ...table.children.map(r => displayWidth(plainText(r.children[i] ?? [])))))
  const total = longest.reduce((a, b) => a + b, 0)
  const shares = longest.map(l => Math.max(TABLE_AUTO.minShare, l / total))
  const sum = shares.reduce((a, b) => a + b, 0)
  return shares.map(s => (width * s) / sum - 2 * TABLE_CELL.padX)
}

export function tableHeight(table: Table, width: number, font = TABLE_FONT_PX): number {
  const widths = columnWidths(table, width)
  return table.children.reduce((h, row) => {
    const lines = Math.max(1, ...row.children.map((c, i) => nodeLines(c, widths[i] ?? width, font)))
    return h + lines * Math.round(font * TABLE_CELL.lineHeight) + 2 * TABLE_CELL.padY + TABLE_CELL.rule
  }, 0)
}

/** Rows each code line takes at `font`, wrapped when `wrap`. */
export function codeRows(value: string, width: number, font: number, wrap: boolean): number {
  const perLine = Math.floor((width - CODE_PAD_PX) / codeUnitPx(font))
  return value.split('\n').reduce((n, line) => n + (wrap ? Math.max(1, Math.ceil(codeColumns(line) / perLine)) : 1), 0)
}


export function codeHeight(value: string, width: number, font = CODE_FONT_PX, wrap = false, drawing = false): number {
  return codeRows(value, width, font, wrap) * codeLinePx(font, drawing) + CODE_PAD_PX + CODE_MARGIN_PX
}

export function contentHeight(node: BlockContent, width = BODY_W): number {
  switch (node.type) {
    case 'list': return listHeight(node, width) + BLOCK_GAP_PX
    case 'table': return tableHeight(node, width) + TABLE_MARGIN_PX
    case 'code': return codeHeight(node.value, width)
    case 'blockquote': return quoteHeight(node, width, contentHeight)
    default: return nodeLines(node, width) * LINE_PX + BLOCK_GAP_PX + PARAGRAPH_SLACK_PX
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
    case 'table': return tableHeight(block.node, width, block.fontPx) + TABLE_MARGIN_PX
    // The notes' own diagram is drawn as large as its slide lets it (setup/mermaid-renderer.ts).
    case 'code': return block.lang === 'mermaid' ? DIAGRAM_MAX_PX : codeHeight(block.value, width, block.fontPx, block.wrap, block.drawing)
    case 'quote': return quoteHeight({ children: block.content }, width, contentHeight)
    case 'image': return IMAGE_ESTIMATE_PX
    case 'terms': return block.items.reduce((h, i) => h + linesFor(`${i.term} ${plainText(i.description)}`, width) * LINE_PX + BLOCK_GAP_PX, 0)
    case 'links': return linksHeight(block.links, width)
    case 'timeline': return BODY_H
  }
}

/** Whether these references are set as tiles that span the slide (else a plain list). */
export const linkTiles = (links: LinkItem[]): boolean => links.length <= LINKS.tilesMax

/** A references list: each link's text, and its address below it, smaller (styles: .nd-refs). */
export function linksHeight(links: LinkItem[], width = BODY_W): number {
  const tiles = linkTiles(links)
  const inner = width - (tiles ? boxWidthPx(TILE.padX) : LIST_INDENT_PX)
  const urlPx = FONT_PX * LINKS.urlEm
  return links.reduce((h, l) => h + linesFor(l.text, inner) * LINE_PX + linesFor(l.url, inner, urlPx) * urlPx * LINKS.urlLineHeight + (tiles ? boxHeightPx(TILE.padY) : 0) + LINKS.gapPx, 0)
}

export function columnWidth(columns: number, width = BODY_W): number {
  return (width - CARD_GAP * (columns - 1)) / columns
}

/** Height of Markdown content in a card: text at the card size, lists without gaps (DefinitionCard.vue). */
function cardContentHeight(node: BlockContent, width: number): number {
  switch (node.type) {
    case 'paragraph': return nodeLines(node, width, CARD_FONT_PX) * CARD_LINE_PX
    case 'list': return node.children.reduce((h, item) => h + item.children.reduce((ih, c) => ih + cardContentHeight(c as BlockContent, width - Math.round(CARD_FONT_PX * CARD_LIST_INDENT_EM)), 0), 0)
    default: return contentHeight(node, width) * CARD_FONT_PX / FONT_PX
  }
}

/**
 * Height of a card in a grid of `columns`: padding and border, the term's lines, the text at the
 * card size. Cards in three or four columns are compact (less padding, a smaller term).
 */
export function cardHeight(card: Card, columns: number, width = BODY_W): number {
  const compact = isCompact(columns)
  const inner = cardInnerWidth(columns, width)
  const termPx = termFontPx(columns)
  const body = card.content.reduce((h, c) => h + cardContentHeight(c, inner), 0)
  return (boxHeightPx(compact ? CARD.compactPadY : CARD.padY) + linesFor(card.term, inner - stepBadgePx(card, termPx), termPx, true) * termPx * LINE_HEIGHT + CARD.termGapPx + body) * (card.grow ?? 1)
}

/** Cards in many columns are compact. */
const isCompact = (columns: number) => columns >= CARD.compactFromColumns
/** A card's term: TERM_EM of the text, itself smaller in a compact card. */
const termFontPx = (columns: number) => FONT_PX * CARD.termEm * (isCompact(columns) ? CARD.compactEm : 1)
/** The width of a step's number badge before the term. */
/** The step badge before a term (DefinitionCard's `.nd-step`): at least `CARD.stepBadgeEm`, wider for a label such as `Step 12` or `第十二步`. */
const stepBadgePx = (card: Card, termPx: number) => (card.step ? Math.max(termPx * CARD.stepBadgeEm, textWidthPx(card.step, termPx * CARD.stepTextEm, true) + termPx * CARD.stepPadEm) : 0)

/** Width inside a card of a grid of `columns` (padding and border taken off). */
export const cardInnerWidth = (columns: number, width = BODY_W) => columnWidth(columns, width) - boxWidthPx(isCompact(columns) ? CARD.compactPadX : CARD.padX)

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
  const termPx = termFontPx(columns)
  const text = card.content.filter(c => c.type !== 'code').map(c => plainText(c)).join(' ')
  return card.content.every(c => c.type !== 'code' || codeWidthPx(c.value, CODE_FONT_PX) <= inner)
    && widestWordPx(card.term, termPx, true) <= inner - stepBadgePx(card, termPx)
    && widestWordPx(text, CARD_FONT_PX) <= inner
}

/** Height of cards laid out in rows of `columns`. */
export function gridHeight(cards: Card[], columns: number, width = BODY_W): number {
  let h = 0
  for (let i = 0; i < cards.length; i += columns)
    h += Math.max(...cards.slice(i, i + columns).map(c => cardHeight(c, columns, width))) + CARD_GAP
  return h - CARD_GAP
}
