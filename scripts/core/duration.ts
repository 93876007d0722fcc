/** A talk's length as people write it, in the notes' frontmatter, the deck config or on the command line. */
import parseDuration from 'parse-duration'
import zh from 'parse-duration/locale/zh.js'

/** A talk length as written (`20min`, `1h30m`, `1.5h`, `20分钟`, `1小时`; a bare number is minutes), in whole seconds; undefined when it is none. */
export function talkSeconds(value: string | number): number | undefined {
  parseDuration.unit = zh // Chinese unit names as well as English ones (a superset of the English locale)
  const minutes = typeof value === 'number' ? value : parseDuration(value.replace(/\s+/g, ''), 'm')
  return minutes && Number.isFinite(minutes) && minutes > 0 ? Math.round(minutes * 60) : undefined
}
