/** Code point ranges, sorted and merged, as the font metrics keep them: the one lookup. Pure. */

export type CodeRanges = ReadonlyArray<readonly [number, number]>

/** Whether sorted, merged `ranges` hold `cp` (binary search). */
export function inRanges(ranges: CodeRanges, cp: number): boolean {
  let [lo, hi] = [0, ranges.length - 1]
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const [a, b] = ranges[mid]!
    if (cp < a)
      hi = mid - 1
    else if (cp > b)
      lo = mid + 1
    else
      return true
  }
  return false
}
