/**
 * Sizes for blocks that are wide rather than long: long code lines and many-column tables get a
 * smaller font, down to FONT_FLOOR_PX; code that is still too wide wraps. Pure.
 */
import type { Table } from 'mdast'
import type { Block } from './types'
import { BODY_H, BODY_W, CODE_FONT_PX, FONT_FLOOR_PX, TABLE_FONT_PX, codeHeight, codeUnitPx, columnWidths, linesFor } from './budget'
import { isDrawing } from './code-shape'
import { displayWidth, plainText } from './text'

const CODE_INNER_W = BODY_W - 16

/**
 * The largest size at which the code's widest line fits the slide; code too tall for one slide
 * is set at the floor before it is split (a drawing is never split: split.ts). Code still too wide
 * at the floor wraps, unless it is a drawing, whose lines must stay as drawn.
 */
export function fitCode(value: string, budget = BODY_H): { fontPx: number, wrap: boolean, drawing: boolean } {
  const drawing = isDrawing(value)
  const widest = Math.max(0, ...value.split('\n').map(displayWidth))
  const wide = (font: number) => widest * codeUnitPx(font) > CODE_INNER_W
  for (let font = CODE_FONT_PX; font >= FONT_FLOOR_PX; font--) {
    if (!wide(font) && codeHeight(value, BODY_W, font, false, drawing) <= budget)
      return { fontPx: font, wrap: false, drawing }
  }
  return { fontPx: FONT_FLOOR_PX, wrap: wide(FONT_FLOOR_PX) && !drawing, drawing }
}

/** The largest size at which no cell needs more than three lines in its column. */
export function fitTable(table: Table): number {
  const widths = columnWidths(table, BODY_W)
  const fits = (font: number) => table.children.every(r => r.children.every((c, i) => linesFor(plainText(c), widths[i] ?? BODY_W, font) <= 3))
  for (let font = TABLE_FONT_PX; font > FONT_FLOOR_PX; font--) {
    if (fits(font))
      return font
  }
  return FONT_FLOOR_PX
}

/** `budget`: the height the block has, less what must stay on its slide with it (a lead-in). */
export function fitBlock(block: Block, budget = BODY_H): Block {
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
