/** What the handout's page reports once it has paged its rows (in-page/handout-paging.ts). */
import type { Frame } from '../handout/handout-compose'

export interface HandoutLayout {
  pages: number
  /** Each slide's frame, and the size its notes were set in and the slots its row took. */
  frames: Array<Frame & { notesPt: number, span: number }>
  /** Slides whose notes do not fit a whole page even at the smallest size. */
  tooLong: number[]
}
