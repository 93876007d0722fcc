/**
 * Slidev's server started in this process through its Node API (no `slidev` child, no second Node
 * start-up), on a free port notedeck picks, bound to 127.0.0.1 and reached by that address: two
 * exports at once never meet on one port, and `localhost` never resolves to someone else's server.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { NotedeckError } from '../core/errors'
import { withOutputLock } from '../core/output-lock'
import { freePort } from './server'

export interface SlidevServer {
  /** `http://127.0.0.1:<port>` */
  url: string
  /**
   * Tells the server its slides file was rewritten (with `followEdits`). Its file watcher may
   * report a file replaced by rename as added, not changed, and then it would not read it again.
   */
  changed: () => void
  /**
   * Drops what the server made from the slides it read before (Slidev's virtual modules: the
   * slides, their titles, the config), once it has read the new ones: the next page that loads
   * gets the new deck whole. The client's own modules stay as transformed.
   */
  forgetSlides: () => void
  close: () => Promise<void>
}

/** `export` serves Slidev's print route (`/print`) and leaves the editor and presenter out. */
export type ServerMode = 'export' | 'dev'

/**
 * Vite keeps the dependencies it pre-bundles in a cache folder, and deletes and rebuilds it
 * (breaking every page another server is loading from it) whenever the config it was made with
 * differs: Slidev configures it differently by mode and by how it was started, the packages may have
 * changed, and Vite counts `NODE_ENV` in (a test runner sets it; a shell may). Servers started here
 * get a folder per mode and per such config (`notedeck-<mode>-<key>`), apart from the dev command's:
 * two servers that would rebuild the cache for each other never share one.
 */
export function depsCacheFor(slides: string, mode: ServerMode): string {
  const root = dirname(resolve(slides))
  return join(root, 'node_modules', '.vite', `notedeck-${mode}-${depsConfigKey(root)}`)
}

/**
 * What Vite's cache depends on beside the mode: NODE_ENV, the project's folder (Vite counts its root
 * in: a copy of the project whose node_modules is a link to this one's would otherwise share the
 * folder and rebuild it under this project's pages), the project's Vite config, the lockfile (every
 * package's version).
 */
export function depsConfigKey(root: string, env: string | undefined = process.env.NODE_ENV): string {
  const hash = createHash('sha256').update(`NODE_ENV=${env ?? ''}\0root=${resolve(root)}\0`)
  for (const f of ['vite.config.ts', 'package-lock.json'])
    hash.update(existsSync(join(root, f)) ? readFileSync(join(root, f)) : '').update('\0')
  return hash.digest('hex').slice(0, 12)
}

/** The cache has not been filled yet: the first server to start fills it. */
export function depsCacheIsCold(cacheDir: string): boolean {
  return !existsSync(join(cacheDir, 'deps', '_metadata.json'))
}

/**
 * Runs `fn` (which starts a server of `mode` for `slides`) at once when its dependency cache is
 * warm; while it is cold, under a lock, so that two servers never fill it at the same time (the
 * others wait, then start warm). The lock is held until the cache is filled, not only until the
 * server listens: Vite optimizes in the background after that, and a second server starting in
 * between would optimize too and replace the folder the first one's pages are loading from (HTTP
 * 504 "Outdated Optimize Dep"). A new cache replaces those of the mode's earlier configs that
 * nothing has used for a day (each is about 25 MB).
 */
export async function withWarmCache<T>(slides: string, mode: ServerMode, fn: () => Promise<T>, timeoutMs: number): Promise<T> {
  const cache = depsCacheFor(slides, mode)
  if (!depsCacheIsCold(cache))
    return fn()
  await mkdir(dirname(cache), { recursive: true })
  const result = await withOutputLock(cache, async () => {
    const started = await fn()
    await untilWarm(cache, timeoutMs)
    return started
  }, timeoutMs)
  await pruneDepsCaches(cache, mode)
  return result
}

/**
 * Waits for Vite to have written the cache's metadata (it does so a few seconds after its server
 * listens, without a page). Past `timeoutMs` the lock goes anyway: a cache never filled (a server
 * that optimizes nothing) must not hold back every other export.
 */
async function untilWarm(cache: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs
  while (depsCacheIsCold(cache) && Date.now() < until)
    await new Promise(r => setTimeout(r, 100))
}

const DAY_MS = 24 * 3600_000

/** Removes the mode's caches but `keep` that were last used a day ago or more. */
async function pruneDepsCaches(keep: string, mode: ServerMode): Promise<void> {
  const dir = dirname(keep)
  const ours = new RegExp(`^notedeck-${mode}(?:-[0-9a-f]{12})?$`)
  const old = (await readdir(dir)).filter(f => ours.test(f) && join(dir, f) !== keep)
  await Promise.all(old.map(async (f) => {
    const used = await stat(join(dir, f, 'deps')).then(s => s.mtimeMs, () => 0)
    if (Date.now() - used >= DAY_MS)
      await rm(join(dir, f), { recursive: true, force: true })
  }))
}

/** Slidev keeps the first entry's folder as its project root for the rest of the process. */
let rootOfProcess: string | undefined

/**
 * Starts Slidev's server for `slides`. With `followEdits`, the server reads the file again when it
 * changes and updates its pages (what `slidev dev` does; the Node API alone ignores changes): one
 * server can then show one deck after another.
 */
export async function startSlidevServer(slides: string, mode: ServerMode = 'export', { followEdits = false } = {}): Promise<SlidevServer> {
  const entry = resolve(slides)
  rootOfProcess ??= dirname(entry)
  if (rootOfProcess !== dirname(entry))
    throw new NotedeckError('EXPORT_FAILED', `one process serves slides from one folder: ${dirname(entry)} is not ${rootOfProcess}`)
  // Vite 8 notes that the project's vite.config.ts imports without a file extension; it loads fine.
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true'
  const { createServer, parser, resolveOptions } = await import('@slidev/cli')
  const options = await resolveOptions({ entry }, mode)
  const loadData = async (sources: Record<string, string>) => {
    const loaded = await parser.load(options, entry, sources, 'dev')
    const { themeMeta } = options.data
    return { ...loaded, ...(themeMeta ? { themeMeta } : {}), config: parser.resolveConfig(loaded.headmatter, themeMeta, entry) }
  }
  // The port is free when asked; another process may take it before Vite listens: ask again.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort()
    const server = await createServer(options, {
      cacheDir: depsCacheFor(entry, mode),
      server: { port, strictPort: true, host: '127.0.0.1' },
      clearScreen: false,
      logLevel: 'error',
    }, followEdits ? { loadData } : {})
    try {
      await server.listen(port)
      const graph = server.environments.client.moduleGraph
      const forgetSlides = () => {
        for (const m of graph.idToModuleMap.values()) {
          if (m.id && (m.id.startsWith('/@slidev/') || m.id.includes('__slidev_')))
            graph.invalidateModule(m)
        }
      }
      return { url: `http://127.0.0.1:${port}`, changed: () => { server.watcher.emit('change', entry) }, forgetSlides, close: () => server.close() }
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
