/**
 * Sizes for blocks that are wide rather than long: long code lines and many-column tables get a
 * smaller font, down to FONT_FLOOR_PX; code that is still too wide wraps. Pure.
 */
import type { List, Table } from 'mdast'
import type { Block } from '../types'
import { BODY_H, BODY_W, CODE_FONT_PX, FONT_FLOOR_PX, LIST_COLUMN_GAP_PX, TABLE_FONT_PX, codeHeight, codeWidthPx, columnWidths, contentHeight, linesFor, nodeLines } from './budget'
import { isDrawing } from './code-shape'
import { plainText } from '../text'

/**
 * The largest size at which the code's widest line fits the slide; code too tall for one slide
 * is set at the floor before it is split (a drawing is never split: split.ts). Code still too wide
 * at the floor wraps, unless it is a drawing, whose lines must stay as drawn.
 */
export function fitCode(value: string, budget = BODY_H): { fontPx: number, wrap: boolean, drawing: boolean } {
  const drawing = isDrawing(value)
  const wide = (font: number) => codeWidthPx(value, font) > BODY_W
  for (let font = CODE_FONT_PX; font >= FONT_FLOOR_PX; font--) {
    if (!wide(font) && codeHeight(value, BODY_W, font, false, drawing) <= budget)
      return { fontPx: font, wrap: false, drawing }
  }
  return { fontPx: FONT_FLOOR_PX, wrap: wide(FONT_FLOOR_PX) && !drawing, drawing }
}

/** The largest size at which no cell needs more than three lines in its column. */
export function fitTable(table: Table): number {
  const widths = columnWidths(table, BODY_W)
  const fits = (font: number) => table.children.every(r => r.children.every((c, i) => nodeLines(c, widths[i] ?? BODY_W, font) <= 3))
  for (let font = TABLE_FONT_PX; font > FONT_FLOOR_PX; font--) {
    if (fits(font))
      return font
  }
  return FONT_FLOOR_PX
}

/** Items from which a list of short items is set in two columns. */
const TWO_COLUMN_MIN_ITEMS = 6

/**
 * A long list of short items (each one line at half the width, none nested) that would fill more
 * than half a slide in one column is set in two: fewer, fuller slides.
 */
export function fitList(list: List): 2 | undefined {
  const flat = list.children.every(item => item.children.length === 1 && item.children[0]!.type === 'paragraph')
  const column = (BODY_W - LIST_COLUMN_GAP_PX) / 2 - 26
  if (!flat || list.children.length < TWO_COLUMN_MIN_ITEMS || contentHeight(list, BODY_W) <= BODY_H / 2)
    return undefined
  return list.children.every(item => linesFor(plainText(item), column) === 1) ? 2 : undefined
}

/** `budget`: the height the block has, less what must stay on its slide with it (a lead-in). */
export function fitBlock(block: Block, budget = BODY_H): Block {
  if (block.kind === 'list') {
    const columns = fitList(block.node)
    return columns ? { ...block, columns } : block
  }
  if (block.kind === 'code') {
    const fit = fitCode(block.value, budget)
    return fit.fontPx === CODE_FONT_PX && !fit.wrap && !fit.drawing ? block : { ...block, fontPx: fit.fontPx, ...(fit.wrap ? { wrap: true } : {}), ...(fit.drawing ? { drawing: true } : {}) }
  }
  if (block.kind === 'table') {
    const font = fitTable(block.node)
    return font === TABLE_FONT_PX ? block : { ...block, fontPx: font }
  }
  return block
}
