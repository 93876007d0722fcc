/**
 * `npm run bench`: medians and ratios for the edit loop and the export. A script, not a test: the
 * numbers depend on the machine. Targets are from the project's issue on the edit loop.
 */
import { CANVAS } from '../pipeline/geometry'
import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-chromium'
import { CHROMIUM_ARGS, resolveBrowser } from '../slidev/browser'
import { parseConfig } from '../pipeline/notes/config'
import { watchNotes } from '../pipeline/watch'
import { median } from '../core/stats'
import { slideSelector } from '../slidev/slidev-internals'
import { buildDeck, generate } from '../pipeline/generate'
import { DEFAULT_NOTES, ROOT } from '../core/paths'
import { freePort, startDevServer } from '../slidev/server'
import { slidevBin } from '../slidev/slidev'
import { PHASES, type Phase } from '../export/export'
import { depsCacheFor } from '../slidev/slidev-server'

const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`)
const rows: string[][] = []
const row = (what: string, result: string, target: string, note = '') => {
  rows.push([what, result, target, note])
  console.log(`${what}: ${result} (target ${target}) ${note}`)
}
const sleep = (n: number) => new Promise(r => setTimeout(r, n))

function time(fn: () => void, runs: number): number {
  const xs: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    fn()
    xs.push(performance.now() - t)
  }
  return median(xs)
}

const seed = readFileSync(DEFAULT_NOTES, 'utf8')
const config = parseConfig(readFileSync(join(ROOT, 'data', 'deck.yaml'), 'utf8'), 'deck.yaml')
const images = new Map<string, string | undefined>()

// (a) generation in-process, and its growth with the size of the notes
for (let i = 0; i < 5; i++) buildDeck({ text: seed, file: 'notes.md', config, images })
const t1 = time(() => buildDeck({ text: seed, file: 'notes.md', config, images }), 31)
const t10 = time(() => buildDeck({ text: `${seed}\n`.repeat(10), file: 'notes.md', config, images }), 11)
const t100 = time(() => buildDeck({ text: `${seed}\n`.repeat(100), file: 'notes.md', config, images }), 5)
row('(a) generate default notes, in-process (median of 31)', ms(t1), '≤ 50 ms')
row('(a) 10× the notes', ms(t10), 'linear', `ratio to 1×: ${(t10 / t1).toFixed(1)}`)
row('(a) 100× the notes', ms(t100), 'linear', `ratio to 10×: ${(t100 / t10).toFixed(1)}`)

// (b) save -> slides.md rewritten, through the dev command's watcher
const dir = mkdtempSync(join(tmpdir(), 'notedeck-bench-'))
const notes = join(dir, 'notes.md')
const out = join(ROOT, '.notedeck-bench.slides.md')
copyFileSync(DEFAULT_NOTES, notes)
copyFileSync(join(ROOT, 'data', 'deck.yaml'), join(dir, 'deck.yaml'))
await generate({ notes, out, offline: true, force: true })
{
  const xs: number[] = []
  let done: (() => void) | undefined
  const stop = watchNotes({ notes, out, offline: true }, () => done?.())
  for (let i = 0; i < 11; i++) {
    const t = performance.now()
    const written = new Promise<void>((r) => { done = r })
    writeFileSync(notes, `${seed}\n\n## Bench ${i}\n\nedit ${i}\n`)
    await written
    xs.push(performance.now() - t)
    await sleep(100)
  }
  stop()
  row('(b) save -> slides.md rewritten (median of 11)', ms(median(xs)), '≤ 200 ms', 'includes the 30 ms debounce')
}

// (c) save -> slide updated in a real browser (Slidev dev server, hot reload)
const browserPath = await resolveBrowser()
{
  copyFileSync(DEFAULT_NOTES, notes)
  const first = await generate({ notes, out, offline: true, force: true })
  // Edit the text of one definition, as a speaker would, and watch that slide.
  const phrase = seed.split('\n').find(l => l.startsWith('> '))!.slice(2, 12)
  const slideNo = first.plan.slides.findIndex(s => s.notes.some(n => n.includes(phrase))) + 1
  const server = await startDevServer(out)
  const browser = await chromium.launch({ executablePath: browserPath, args: CHROMIUM_ARGS })
  const stop = watchNotes({ notes, out, offline: true }, () => {})
  try {
    const page = await browser.newPage({ viewport: { width: CANVAS.width, height: CANVAS.height } })
    await page.goto(`${server.url}/${slideNo}`, { waitUntil: 'networkidle' })
    const xs: number[] = []
    for (let i = 0; i < 7; i++) {
      const marker = `edit${i}`
      const t = performance.now()
      writeFileSync(notes, seed.replace(phrase, `${phrase}${marker}`))
      await page.waitForFunction(([sel, s]) => document.querySelector(sel)?.textContent?.includes(s), [slideSelector(slideNo), marker] as const, { timeout: 30_000 })
      xs.push(performance.now() - t)
      await sleep(300)
    }
    row('(c) save -> slide updated in Chromium (median of 7)', ms(median(xs)), '≤ 1 s', 'a definition edited in the notes')
  }
  finally {
    stop()
    await browser.close()
    await server.close()
  }
}

// (d) export: a fresh export against a bare `slidev export` of the same slides.md, where the time
// goes, the first export (empty dependency cache) against one after an edit; (e) cached export
{
  const pdf = join(dir, 'out.pdf')
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const t = performance.now()
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'run.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } })
    if (r.status !== 0)
      throw new Error(r.stderr)
    return { ms: performance.now() - t, stderr: r.stderr }
  }
  const bare = () => {
    const t = performance.now()
    const r = spawnSync(process.execPath, [slidevBin(), 'export', out, '--output', join(dir, 'bare.pdf'), '--executable-path', browserPath, '--with-toc'], { cwd: ROOT, encoding: 'utf8' })
    if (r.status !== 0)
      throw new Error(r.stderr + r.stdout)
    return performance.now() - t
  }
  copyFileSync(DEFAULT_NOTES, notes)
  await generate({ notes, out, offline: true, force: true })
  rmSync(depsCacheFor(out, 'export'), { recursive: true, force: true })
  const first = cli(['export', notes, '-o', pdf, '--offline', '--fresh']).ms
  const ours: number[] = []
  const theirs: number[] = []
  const phases = new Map<Phase, number[]>()
  for (let i = 0; i < 3; i++) {
    const run = cli(['export', notes, '-o', pdf, '--offline', '--fresh'], { NOTEDECK_TIMINGS: '1' })
    ours.push(run.ms)
    let before = 0
    for (const [, phase, at] of run.stderr.matchAll(/notedeck: timing (\w+) ([\d.]+) s/g)) {
      phases.set(phase as Phase, [...(phases.get(phase as Phase) ?? []), Number(at) * 1000 - before])
      before = Number(at) * 1000
    }
    theirs.push(bare())
  }
  const ratio = median(ours) / median(theirs)
  row('(d) `export --fresh`, whole command (median of 3)', ms(median(ours)), '≤ 0.6× bare', `bare \`slidev export --with-toc\`: ${ms(median(theirs))}, ratio ${ratio.toFixed(2)}`)
  for (const [phase, xs] of phases)
    row(`(d) … ${phase}: ${PHASES[phase]}`, ms(median(xs)), '–', 'median of 3, from the end of the step before')
  const marp = process.env.NOTEDECK_BENCH_MARP
  if (marp) {
    // Marp CLI on the same notes split at their headings (installed in a scratch folder, not a dependency).
    const deck = join(dir, 'marp.md')
    writeFileSync(deck, `---\nmarp: true\n---\n\n${seed.replace(/^(#{2,3} )/gm, '\n---\n\n$1')}`)
    const runs = [0, 1, 2].map(() => {
      const t = performance.now()
      const r = spawnSync(process.execPath, [marp, deck, '--pdf', '--allow-local-files', '-o', join(dir, 'marp.pdf')], { encoding: 'utf8', env: { ...process.env, CHROME_PATH: browserPath } })
      if (r.status !== 0)
        throw new Error(r.stderr)
      return performance.now() - t
    })
    row('(d) Marp CLI PDF of the same notes (median of 3)', ms(median(runs)), '–', `ours / Marp: ${(median(ours) / median(runs)).toFixed(2)}`)
  }
  writeFileSync(notes, `${seed}\n\n## Bench edit\n\nOne more paragraph.\n`)
  const edited = cli(['export', notes, '-o', pdf, '--offline']).ms
  row('(d) first export (empty dependency cache) vs after an edit', ms(first), 'after ≤ first', `after an edit: ${ms(edited)}, ratio ${(edited / first).toFixed(2)}`)
  const cached = [0, 1, 2, 3, 4].map(() => cli(['export', notes, '-o', pdf, '--offline']).ms)
  row('(e) cached export, whole command (median of 5)', ms(median(cached)), '≤ 0.5 s', `PDF ${(statSync(pdf).size / 1024).toFixed(0)} KiB unchanged`)
}
// (f) with `npm run dev -- --pdf` running: save -> PDF rewritten; and `npm run export` while it runs
{
  copyFileSync(DEFAULT_NOTES, notes)
  const pdf = join(dir, 'live.pdf')
  const port = await freePort()
  let log = ''
  const dev = spawn(process.execPath, [join(ROOT, 'scripts', 'run.mjs'), 'dev', notes, '--offline', `--pdf=${pdf}`, '--port', String(port)], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BROWSER: 'none' } })
  dev.stdout.on('data', (d: Buffer) => { log += d.toString() })
  dev.stderr.on('data', (d: Buffer) => { log += d.toString() })
  const updates = () => log.split('\n').filter(l => l.includes('live.pdf updated')).length
  const until = async (ok: () => boolean) => {
    const end = Date.now() + 120_000
    while (!ok()) {
      if (Date.now() > end)
        throw new Error(`dev --pdf did not update:\n${log.slice(-1000)}`)
      await sleep(20)
    }
  }
  try {
    await until(() => updates() >= 1)
    const phrase = seed.split('\n').find(l => l.startsWith('> '))!.slice(2, 12)
    const xs: number[] = []
    for (let i = 0; i < 7; i++) {
      const before = updates()
      const t = performance.now()
      writeFileSync(notes, seed.replace(phrase, `${phrase}pdf${i}`))
      await until(() => updates() > before)
      xs.push(performance.now() - t)
      await sleep(300)
    }
    row('(f) save -> PDF rewritten by `dev --pdf` (median of 7)', ms(median(xs)), '≤ 3 s', 'the running server prints; no second Vite')
    const exports = [0, 1, 2].map(() => {
      const t = performance.now()
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'run.mjs'), 'export', notes, '--offline', '--fresh', '-o', join(dir, 'from-dev.pdf')], { cwd: ROOT, encoding: 'utf8' })
      if (!r.stdout.includes('from the dev server'))
        throw new Error(`export did not use the dev server:\n${r.stdout}${r.stderr}`)
      return performance.now() - t
    })
    row('(f) `npm run export` while dev runs, whole command (median of 3)', ms(median(exports)), '≤ 3 s', 'a fresh headless page on the running server')
  }
  finally {
    process.kill(-dev.pid!, 'SIGTERM')
    await new Promise(r => dev.once('close', r))
  }
}

rmSync(dir, { recursive: true, force: true })
rmSync(out, { force: true })
console.log(`\n| Measure | Result | Target | Note |\n| --- | --- | --- | --- |\n${rows.map(r => `| ${r.join(' | ')} |`).join('\n')}`)
