/** What the handout's page reports once it has paged its rows (in-page/handout-paging.ts). */

/** Where a slide's frame is on the handout. */
export interface Frame {
  /** 1-based slide number. */
  no: number
  /** 0-based handout page. */
  page: number
  /** Millimetres from the page's top-left corner. */
  x: number
  y: number
  width: number
  height: number
}

export interface HandoutLayout {
  pages: number
  /** Each slide's frame, and the size its notes were set in and the slots its row took. */
  frames: Array<Frame & { notesPt: number, span: number }>
  /** Slides whose notes do not fit a whole page even at the smallest size. */
  tooLong: number[]
}
