/** Starts a Slidev dev server for a slides file and stops it again (for checks, tests and benchmarks). */
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { dirname, resolve } from 'node:path'
import { NotedeckError } from '../core/errors'
import { slidevBin } from './slidev'
import { announcesPort } from './slidev-internals'

export interface DevServer {
  url: string
  close: () => Promise<void>
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer()
    srv.once('error', rej)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => res(port))
    })
  })
}

/** The first port from `from` on that nothing listens on (Slidev's default is 3030). */
export async function firstFreePort(from: number): Promise<number> {
  for (let port = from; port < from + 50; port++) {
    const free = await new Promise<boolean>((res) => {
      const srv = createServer()
      srv.once('error', () => res(false))
      srv.listen(port, () => srv.close(() => res(true)))
    })
    if (free)
      return port
  }
  return 0
}

export async function startDevServer(slides: string, timeoutMs = 60_000): Promise<DevServer> {
  const port = await freePort()
  const child = spawn(process.execPath, [slidevBin(), resolve(slides), '--port', String(port), '--bind', '127.0.0.1'], {
    cwd: dirname(resolve(slides)),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
    env: { ...process.env, BROWSER: 'none', NO_COLOR: '1' },
  })
  const close = () => new Promise<void>((res) => {
    if (child.exitCode !== null || child.signalCode !== null)
      return res()
    child.once('close', () => res())
    try {
      process.kill(-child.pid!, 'SIGTERM')
    }
    catch {
      child.kill('SIGTERM')
    }
  })
  let output = ''
  try {
    await new Promise<void>((res, rej) => {
      const timer = setTimeout(() => rej(new NotedeckError('EXPORT_FAILED', `Slidev's dev server did not start in ${timeoutMs / 1000} s\n${output.slice(-800)}`)), timeoutMs)
      const onData = (d: Buffer) => {
        output += d.toString()
        // Slidev colours its output (the port number is bold when CI is set): compare without colours.
        if (announcesPort(output, port)) {
          clearTimeout(timer)
          res()
        }
      }
      child.stdout.on('data', onData)
      child.stderr.on('data', onData)
      child.once('close', (code) => {
        clearTimeout(timer)
        rej(new NotedeckError('EXPORT_FAILED', `Slidev's dev server exited (${code})\n${output.slice(-800)}`))
      })
    })
  }
  catch (e) {
    await close()
    throw e
  }
  return { url: `http://127.0.0.1:${port}`, close }
}
