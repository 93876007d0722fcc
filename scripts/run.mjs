#!/usr/bin/env node
// Runs notedeck's CLI from a prebuilt bundle (no TypeScript compiler at run time). The bundle lives
// in .notedeck/build/<key>/, keyed by the sources it was built from: when a file under scripts/
// changes, the next command builds a new one first (esbuild, a fraction of a second). Plain
// JavaScript on purpose: it runs before anything is compiled.
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const scripts = join(root, 'scripts')
const builds = join(root, '.notedeck', 'build')

/** The key of the sources: every file under scripts/ (its folders too) by path, size and modification time. */
function sourcesKey() {
  const hash = createHash('sha256')
  for (const f of readdirSync(scripts, { recursive: true }).map(String).sort()) {
    const s = statSync(join(scripts, f))
    if (s.isFile())
      hash.update(`${f}:${s.size}:${s.mtimeMs}\n`)
  }
  return hash.digest('hex').slice(0, 16)
}

export async function build(key = sourcesKey()) {
  const out = join(builds, key)
  if (existsSync(join(out, 'cli.mjs')))
    return out
  const { build: esbuild } = await import('esbuild')
  const tmp = join(builds, `.${key}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  mkdirSync(tmp, { recursive: true })
  try {
    await esbuild({
      entryPoints: { cli: join(scripts, 'cli', 'cli.ts') },
      outdir: tmp,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20.19',
      packages: 'external',
      outExtension: { '.js': '.mjs' },
      chunkNames: '[name]-[hash]',
      // scripts/core/paths.ts finds the project from its own place: three folders up from the bundle.
      // The scripts that run inside the browser are read from scripts/page/ (core/paths.ts).
      define: { __NOTEDECK_ROOT__: JSON.stringify('../../..') },
      logLevel: 'error',
    })
    try {
      renameSync(tmp, out)
    }
    catch (e) {
      // Another command built the same sources at the same moment: use theirs.
      if (!existsSync(join(out, 'cli.mjs')))
        throw e
    }
  }
  finally {
    rmSync(tmp, { recursive: true, force: true })
  }
  // Older builds are removed; a command still running from one has already loaded its modules.
  for (const old of readdirSync(builds)) {
    if (old !== key && !old.startsWith('.'))
      rmSync(join(builds, old), { recursive: true, force: true })
  }
  return out
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = await build()
  await import(pathToFileURL(join(dir, 'cli.mjs')).href)
}
