/**
 * Sizes for blocks that are wide rather than long: long code lines and many-column tables get a
 * smaller font, down to FONT_FLOOR_PX; code that is still too wide wraps. Pure.
 */
import type { Table } from 'mdast'
import type { Block } from './types'
import { BODY_W, CODE_FONT_PX, FONT_FLOOR_PX, TABLE_FONT_PX, codeUnitPx, columnWidths, linesFor } from './budget'
import { displayWidth, plainText } from './text'

const CODE_INNER_W = BODY_W - 16

export function fitCode(value: string): { fontPx: number, wrap: boolean } {
  const widest = Math.max(0, ...value.split('\n').map(displayWidth))
  for (let font = CODE_FONT_PX; font >= FONT_FLOOR_PX; font--) {
    if (widest * codeUnitPx(font) <= CODE_INNER_W)
      return { fontPx: font, wrap: false }
  }
  return { fontPx: FONT_FLOOR_PX, wrap: true }
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

export function fitBlock(block: Block): Block {
  if (block.kind === 'code') {
    const fit = fitCode(block.value)
    return fit.fontPx === CODE_FONT_PX && !fit.wrap ? block : { ...block, fontPx: fit.fontPx, ...(fit.wrap ? { wrap: true } : {}) }
  }
  if (block.kind === 'table') {
    const font = fitTable(block.node)
    return font === TABLE_FONT_PX ? block : { ...block, fontPx: font }
  }
  return block
}
