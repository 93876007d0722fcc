// `npm run dev` as a user starts it, in a process group of its own, for end-to-end tests: what it
// prints, a wait for a condition on it, and a stop that ends Slidev with it.
import { type ChildProcess, spawn } from 'node:child_process'
import { ROOT } from '../scripts/core/paths'
import { freePort } from '../scripts/slidev/server'
import { CLI } from './helpers'

export interface DevProcess {
  port: number
  /** Everything it printed so far, stdout and stderr. */
  output: () => string
  /** Resolves once `what` holds (checked every 100 ms); fails after `ms` with the end of what dev printed. */
  until: (what: () => boolean, ms: number) => Promise<void>
  stop: () => Promise<void>
}

/** Starts `npm run dev -- <args> --port <a free one>`. */
export async function startDev(args: string[]): Promise<DevProcess> {
  const port = await freePort()
  let log = ''
  const child: ChildProcess = spawn(process.execPath, [...CLI, 'dev', ...args, '--port', String(port)], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BROWSER: 'none' },
  })
  child.stdout!.on('data', (d: Buffer) => { log += d.toString() })
  child.stderr!.on('data', (d: Buffer) => { log += d.toString() })
  return {
    port,
    output: () => log,
    until: async (what, ms) => {
      const end = Date.now() + ms
      while (!what()) {
        if (Date.now() > end)
          throw new Error(`timed out; dev printed:\n${log.slice(-2000)}`)
        await new Promise(r => setTimeout(r, 100))
      }
    },
    stop: async () => {
      if (!child.pid || child.exitCode !== null)
        return
      const closed = new Promise(r => child.once('close', r))
      process.kill(-child.pid, 'SIGTERM')
      await closed
    },
  }
}
