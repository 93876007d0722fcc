/**
 * How a long site build shows how far it is: on a terminal one line, rewritten (decks done of all,
 * the deck being made, time left by the pace so far); elsewhere (CI, a log) one line per deck.
 * Failures are always a line of their own.
 */

export interface Progress {
  start: (total: number) => void
  /** A deck starts being made (`reused`: it was current). */
  begin: (source: string) => void
  done: (source: string, reused: boolean) => void
  failed: (source: string, message: string) => void
  end: () => void
}

const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`

export function progress(stream: NodeJS.WriteStream = process.stdout, errors: NodeJS.WritableStream = process.stderr, now: () => number = Date.now): Progress {
  const live = stream.isTTY === true
  let total = 0
  let finished = 0
  let made = 0
  let madeMs = 0
  let started = 0
  const current = new Set<string>()
  const line = () => {
    if (!live)
      return
    const pace = made ? madeMs / made : undefined
    const left = pace === undefined ? '' : `, about ${clock((pace * (total - finished)) / 1000)} left`
    stream.write(`\r\x1B[2Knotedeck: site ${finished}/${total}${current.size ? ` · ${[...current].join(', ')}` : ''}${left}`)
  }
  const say = (text: string, to: NodeJS.WritableStream = stream) => {
    if (live)
      stream.write('\r\x1B[2K')
    to.write(`${text}\n`)
    line()
  }
  return {
    start: (n) => { total = n; line() },
    begin: (source) => { current.add(source); started = started || now(); line() },
    done: (source, reused) => {
      current.delete(source)
      finished++
      if (!reused) {
        made++
        madeMs = now() - started
      }
      if (!live)
        say(`notedeck: site ${finished}/${total} ${source}${reused ? ' (up to date)' : ''}`)
      else line()
    },
    failed: (source, message) => { current.delete(source); finished++; say(`notedeck: ${message.includes(source) ? message : `${source}: ${message}`}`, errors) },
    end: () => { if (live) stream.write('\r\x1B[2K') },
  }
}
