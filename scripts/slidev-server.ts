/**
 * Slidev's server started in this process through its Node API (no `slidev` child, no second Node
 * start-up), on a free port notedeck picks, bound to 127.0.0.1 and reached by that address: two
 * exports at once never meet on one port, and `localhost` never resolves to someone else's server.
 */
import { existsSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { NotedeckError } from './errors'
import { freePort } from './server'

export interface SlidevServer {
  /** `http://127.0.0.1:<port>` */
  url: string
  close: () => Promise<void>
}

/** `export` serves Slidev's print route (`/print`) and leaves the editor and presenter out. */
export type ServerMode = 'export' | 'dev'

/**
 * Vite keeps the dependencies it pre-bundles in a cache folder, rewritten whenever its config
 * changes. Slidev's dev and export modes configure it differently: sharing one folder, a running
 * `dev` and an export would rewrite it under each other's feet (pages that never finish loading).
 * Exports get their own.
 */
export function depsCacheFor(slides: string, mode: ServerMode): string | undefined {
  return mode === 'export' ? join(dirname(resolve(slides)), 'node_modules', '.vite', 'notedeck-export') : undefined
}

/**
 * The cache is cold (missing, or older than the lockfile): the first server to start fills it, and
 * two doing that at once would race. The caller then holds a lock while it renders.
 */
export function depsCacheIsCold(cacheDir: string, lockfile: string): boolean {
  const meta = join(cacheDir, 'deps', '_metadata.json')
  if (!existsSync(meta))
    return true
  return existsSync(lockfile) && statSync(lockfile).mtimeMs > statSync(meta).mtimeMs
}

/** Slidev keeps the first entry's folder as its project root for the rest of the process. */
let rootOfProcess: string | undefined

export async function startSlidevServer(slides: string, mode: ServerMode = 'export'): Promise<SlidevServer> {
  const entry = resolve(slides)
  rootOfProcess ??= dirname(entry)
  if (rootOfProcess !== dirname(entry))
    throw new NotedeckError('EXPORT_FAILED', `one process serves slides from one folder: ${dirname(entry)} is not ${rootOfProcess}`)
  // Vite 8 notes that the project's vite.config.ts imports without a file extension; it loads fine.
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true'
  const { createServer, resolveOptions } = await import('@slidev/cli')
  const options = await resolveOptions({ entry }, mode)
  // The port is free when asked; another process may take it before Vite listens: ask again.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort()
    const cacheDir = depsCacheFor(entry, mode)
    const server = await createServer(options, {
      ...(cacheDir ? { cacheDir } : {}),
      server: { port, strictPort: true, host: '127.0.0.1' },
      clearScreen: false,
      logLevel: 'error',
    })
    try {
      await server.listen(port)
      return { url: `http://127.0.0.1:${port}`, close: () => server.close() }
    }
    catch (e) {
      await server.close()
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' && !/already in use/.test(String(e)))
        throw new NotedeckError('EXPORT_FAILED', `Slidev's server did not start: ${e instanceof Error ? e.message : String(e)}`, { cause: e })
      if (attempt === 3)
        throw new NotedeckError('EXPORT_FAILED', `no free port for Slidev's server after ${attempt} tries`, { cause: e })
    }
  }
}
