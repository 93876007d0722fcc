#!/usr/bin/env node
// `npm run setup`: dependencies from the lockfile (Playwright's browser download skipped: it fails
// offline), then a Chromium for the export. Idempotent: a second run only checks.
// Plain JavaScript on purpose: it runs before TypeScript tooling is installed.
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { accessSync, constants, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }
const stamp = join(root, 'node_modules', '.notedeck-setup')
const log = msg => console.log(`setup: ${msg}`)

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit', timeout: opts.timeout ?? 0 })
  return r.status === 0
}

function executable(p) {
  try { accessSync(p, constants.X_OK); return true }
  catch { return false }
}

// 1. Dependencies, from package-lock.json, only when the lockfile changed since the last setup.
const lockHash = createHash('sha256').update(readFileSync(join(root, 'package-lock.json'))).digest('hex')
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lockHash) {
  log('dependencies are up to date')
}
else {
  log('installing dependencies (npm ci)')
  if (!run('npm', ['ci', '--no-audit', '--no-fund'])) {
    console.error('setup: npm ci failed; see the messages above')
    process.exit(1)
  }
  writeFileSync(stamp, lockHash)
}

// 2. A browser for the export: CHROMIUM_PATH, Playwright's Chromium, or a system one.
function findBrowser() {
  if (process.env.CHROMIUM_PATH)
    return executable(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined
  try {
    const out = execFileSync(process.execPath, ['-e', 'import("playwright-chromium").then(m => process.stdout.write(m.chromium.executablePath()))'], { cwd: root, env, encoding: 'utf8' })
    if (out && executable(out))
      return out
  }
  catch {}
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    for (const dir of (process.env.PATH ?? '').split(delimiter)) {
      if (dir && executable(join(dir, name)))
        return join(dir, name)
    }
  }
  return undefined
}

let browser = findBrowser()
if (!browser) {
  log('no Chromium found; trying Playwright\'s download')
  const pw = join(root, 'node_modules', 'playwright-chromium', 'cli.js')
  run(process.execPath, [pw, 'install', 'chromium'], { timeout: 300_000 })
  browser = findBrowser()
}
if (!browser && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  log('installing Debian\'s chromium with apt-get')
  run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', 'chromium'])
  browser = findBrowser()
}
if (!browser) {
  console.error('setup: no Chromium could be installed. Install Chromium or Chrome yourself and point CHROMIUM_PATH at it,\n'
    + '  e.g. `sudo apt-get install chromium` then `export CHROMIUM_PATH=/usr/bin/chromium`.')
  process.exit(1)
}
log(`browser: ${browser}`)
// 3. The CLI, built once so that commands start without compiling (scripts/run.mjs rebuilds it
// whenever a source changes).
const { build } = await import('./run.mjs')
await build()
log('ready: npm run export  (or npm run dev)')
