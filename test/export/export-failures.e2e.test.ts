// Export failure modes: a clear message in bounded time, and never a partial PDF at the output path.
import { execFile } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { ROOT } from '../../scripts/core/paths'
import { CLI, scratchLeftBehind, tempDir } from '../helpers'

const run = promisify(execFile)

async function exportWith(browser: string, ...args: string[]) {
  const out = join(tempDir(), 'out.pdf')
  try {
    await run(process.execPath, [...CLI, 'export', '--offline', '-o', out, ...args], { cwd: ROOT, env: { ...process.env, CHROMIUM_PATH: browser }, timeout: 120_000 })
    return { code: 0, stderr: '', out }
  }
  catch (e) {
    const err = e as { code: number, stderr: string }
    return { code: err.code, stderr: err.stderr, out }
  }
}

function fakeBrowser(script: string): string {
  const path = join(tempDir(), 'chromium')
  writeFileSync(path, `#!/bin/sh\n${script}\n`, { mode: 0o755 })
  return path
}

describe('export failures', () => {
  // The browser fails while Slidev's server is still starting, and the process ends soon after.
  afterEach(() => expect(scratchLeftBehind()).toEqual([]))

  it('a browser that crashes: a clear message, exit 1, no PDF', async () => {
    const r = await exportWith(fakeBrowser('echo "simulated crash" >&2; exit 3'))
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/the browser did not start.*simulated crash.*\[EXPORT_FAILED\]/s)
    expect(r.stderr).toMatch(/browser used: /)
    expect(existsSync(r.out)).toBe(false)
  }, 120_000)

  it('a browser that hangs: stopped after --timeout plus start-up time, exit 1, no PDF', async () => {
    const pidFile = join(tempDir(), 'browser.pid')
    // The fake browser records its own pid, and then hangs.
    const r = await exportWith(fakeBrowser(`echo $$ > ${pidFile}; exec sleep 600`), '--timeout', '1000')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/the export did not finish in 31 s and was stopped \[EXPORT_FAILED\]/)
    expect(existsSync(r.out)).toBe(false)
    // and the hung browser that this test started was stopped with it
    const pid = Number(readFileSync(pidFile, 'utf8'))
    expect(pid).toBeGreaterThan(0)
    const alive = () => {
      try {
        process.kill(pid, 0)
        return true
      }
      catch {
        return false
      }
    }
    await expect.poll(alive, { timeout: 5_000 }).toBe(false)
  }, 120_000)

  it('no browser at all: names the set-up command', async () => {
    const r = await exportWith('/nonexistent/chromium')
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('CHROMIUM_PATH is set to /nonexistent/chromium')
  })
})
