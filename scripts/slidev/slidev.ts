/** Runs the Slidev CLI as a child process, with a time limit, and always reaps it. */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export interface RunResult { code: number | null, signal: NodeJS.Signals | null, output: string, timedOut: boolean }

export function slidevBin(): string {
  const require = createRequire(import.meta.url)
  return join(dirname(require.resolve('@slidev/cli/package.json')), 'bin', 'slidev.mjs')
}

/** The last lines of a run's output, for an error message. Pure. */
export function lastLines(output: string, n = 12): string {
  return output.trim().split('\n').slice(-n).join('\n')
}

export interface RunOptions {
  cwd: string
  timeoutMs?: number
  /** Print Slidev's output as it comes instead of collecting it. */
  inherit?: boolean
  env?: NodeJS.ProcessEnv
}

export function runSlidev(args: string[], opts: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [slidevBin(), ...args], {
      cwd: opts.cwd,
      env: { ...process.env, ...opts.env },
      stdio: opts.inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    })
    let output = ''
    let timedOut = false
    child.stdout?.on('data', (d: Buffer) => { output += d.toString() })
    child.stderr?.on('data', (d: Buffer) => { output += d.toString() })
    const kill = () => {
      try {
        if (child.pid && process.platform !== 'win32')
          process.kill(-child.pid, 'SIGKILL')
        else child.kill('SIGKILL')
      }
      catch {}
    }
    const timer = opts.timeoutMs ? setTimeout(() => { timedOut = true; kill() }, opts.timeoutMs) : undefined
    const onExit = () => kill()
    process.once('exit', onExit)
    child.on('error', (e) => { clearTimeout(timer); process.off('exit', onExit); reject(e) })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      process.off('exit', onExit)
      kill() // the browser and Vite children of Slidev, should any be left
      resolve({ code, signal, output, timedOut })
    })
  })
}
