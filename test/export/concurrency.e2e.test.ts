// Exports at the same time in one project: three of different notes while `dev` serves a fourth,
// twice in a row, each PDF its own deck; two exports to one path leave one whole deck whose cache
// stamp matches it; and an export succeeds while Slidev's shared generated modules are rewritten
// around it, as every Slidev server starting beside it does.
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { squeeze } from '../../scripts/pipeline/notes/slide-title'
import { ROOT, slidesFor } from '../../scripts/core/paths'
import { freePort } from '../../scripts/slidev/server'
import { CLI, FIXTURES, shownTitles, tempDir } from '../helpers'

const run = promisify(execFile)
const dir = tempDir()
const NOTES = ['english-basics', 'zh-short-list', 'en-five-cards'].map((name) => {
  const notes = join(dir, `${name}.md`)
  copyFileSync(join(FIXTURES, `${name}.md`), notes)
  return notes
})
const cli = (...args: string[]) => run(process.execPath, [...CLI, ...args], { cwd: ROOT, timeout: 240_000 })

/** poppler's text of each page (an extraction independent of the one the export proves itself with). */
function pagesOf(pdf: string): string[] {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1])
  return Array.from({ length: pages }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }))
}

/** Which of `notes` the PDF is: page count and every page's title must match that deck. */
function deckOf(pdf: string, notes: string[]): string | undefined {
  const pages = pagesOf(pdf).map(squeeze)
  return notes.find((n) => {
    const titles = shownTitles(readFileSync(slidesFor(n), 'utf8'))
    return titles.length === pages.length && titles.every((t, i) => !t || pages[i]!.includes(squeeze(t)))
  })
}

let dev: ChildProcess | undefined
let devLog = ''

beforeAll(async () => {
  const devNotes = join(dir, 'zh-steps.md')
  copyFileSync(join(FIXTURES, 'zh-steps.md'), devNotes)
  dev = spawn(process.execPath, [...CLI, 'dev', devNotes, '--offline', '--port', String(await freePort())], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BROWSER: 'none' } })
  dev.stdout!.on('data', (d: Buffer) => { devLog += d.toString() })
  dev.stderr!.on('data', (d: Buffer) => { devLog += d.toString() })
  const end = Date.now() + 120_000
  while (!/localhost:\d+/.test(devLog.replace(/\u001B\[[0-9;]*m/g, ''))) {
    if (Date.now() > end)
      throw new Error(`dev did not start:\n${devLog}`)
    await new Promise(r => setTimeout(r, 100))
  }
}, 150_000)

afterAll(async () => {
  if (dev?.pid && dev.exitCode === null) {
    const closed = new Promise(r => dev!.once('close', r))
    process.kill(-dev.pid, 'SIGTERM')
    await closed
  }
})

describe('exports at the same time, while dev runs on other notes', () => {
  it.each([1, 2])('round %i: three exports of different notes all succeed with their own decks', async (round) => {
    const outputs = NOTES.map(n => join(dir, `round${round}-${n.split('/').pop()!.replace('.md', '')}.pdf`))
    const results = await Promise.all(NOTES.map((n, i) => cli('export', n, '--offline', '--fresh', '-o', outputs[i]!)))
    for (const [i, r] of results.entries())
      expect(r.stdout, NOTES[i]).toMatch(/\(\d+ pages, /)
    outputs.forEach((pdf, i) => expect(deckOf(pdf, NOTES), pdf).toBe(NOTES[i]))
    expect(dev?.exitCode, `dev stopped:\n${devLog.slice(-1000)}`).toBeNull()
  }, 300_000)

  it('an export while other servers keep rewriting Slidev\'s shared generated modules', async () => {
    // What each Slidev server does as it starts: a plain write of every import-glob module into
    // node_modules/.slidev/virtual, the same content each time, which truncates the file first. A
    // writer that is descheduled between the two (a busy machine) leaves it empty for a while; here
    // it is empty for 20 ms, then whole for 10 ms, over and over.
    const virtual = join(ROOT, 'node_modules', '.slidev', 'virtual')
    const wholeModules = () => Object.fromEntries((existsSync(virtual) ? readdirSync(virtual) : [])
      .filter(f => /^import-glob\.[0-9a-f]{10}\.ts$/.test(f))
      .map(f => [join(virtual, f), readFileSync(join(virtual, f), 'utf8')] as const)
      .filter(([f, t]) => createHash('sha256').update(t).digest('hex').slice(0, 10) === f.slice(-13, -3)))
    // Slidev writes them as a page first asks for them: an export does.
    if (Object.keys(wholeModules()).length === 0)
      await cli('export', NOTES[0]!, '--offline', '--fresh', '-o', join(dir, 'first.pdf'))
    const whole = wholeModules()
    expect(Object.keys(whole).length, 'Slidev\'s modules, written').toBeGreaterThan(0)
    const rewriter = spawn(process.execPath, ['-e', `
      const { closeSync, openSync, writeSync } = require('node:fs')
      const whole = Object.entries(JSON.parse(process.argv[1]))
      const sleep = ms => new Promise(r => setTimeout(r, ms))
      ;(async () => {
        for (;;) {
          const fds = whole.map(([f, t]) => [openSync(f, 'w'), t])
          await sleep(20)
          for (const [fd, t] of fds) { writeSync(fd, t); closeSync(fd) }
          await sleep(10)
        }
      })()`, JSON.stringify(whole)], { stdio: 'ignore' })
    try {
      const out = join(dir, 'rewritten.pdf')
      const { stdout } = await cli('export', NOTES[1]!, '--offline', '--fresh', '-o', out, '--timeout', '30000')
      expect(stdout).toMatch(/\(\d+ pages, /)
      expect(deckOf(out, NOTES)).toBe(NOTES[1])
      expect(rewriter.exitCode, 'the rewriter ran throughout').toBeNull()
    }
    finally {
      const exited = rewriter.exitCode === null ? new Promise(r => rewriter.once('exit', r)) : undefined
      rewriter.kill()
      await exited
      for (const [f, t] of Object.entries(whole))
        writeFileSync(f, t)
    }
  }, 180_000)

  it('two exports to one path: one whole deck is left, and the cache stamp beside it is that deck\'s', async () => {
    const out = join(dir, 'same.pdf')
    const [a, b] = [NOTES[0]!, NOTES[2]!]
    await Promise.all([cli('export', a, '--offline', '--fresh', '-o', out), cli('export', b, '--offline', '--fresh', '-o', out)])
    const winner = deckOf(out, [a, b])
    expect(winner).toBeDefined()
    const loser = winner === a ? b : a
    // The stamp matches the file: the winner is up to date, the other notes export again.
    expect((await cli('export', winner!, '--offline', '-o', out)).stdout).toMatch(/is up to date/)
    expect((await cli('export', loser, '--offline', '-o', out)).stdout).toMatch(/\(\d+ pages, /)
    expect(deckOf(out, [a, b])).toBe(loser)
  }, 300_000)
})
