/**
 * A Vite plugin that never lets a half-written Slidev module in. Slidev writes small modules it
 * imports (`node_modules/.slidev/virtual/import-glob.<hash>.ts`, one per set of globs) into the
 * project's shared `node_modules` with a plain write, every time a server starts. When servers
 * start side by side (exports at once, an export beside `dev`), one can read such a file while
 * another is rewriting it, empty for a moment: that page then fails ("does not provide an export
 * named 'default'") and never draws. The file's name is the hash of its whole content, so this
 * plugin reads it until the two agree (a rewrite takes microseconds), and only then hands it on.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { Plugin } from 'vite'

/** Slidev's content-addressed proxies: the hash is the first 10 hex digits of the content's SHA-256. */
const PROXY = /[/\\]node_modules[/\\]\.slidev[/\\]virtual[/\\]import-glob\.([0-9a-f]{10})\.ts$/

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 10)

/** The whole content of one of Slidev's proxy modules, read (with `read`) again until it matches its name. */
export async function readWhole(path: string, hash: string, waitMs = 5_000, read = (p: string) => readFile(p, 'utf8')): Promise<string> {
  const end = Date.now() + waitMs
  for (;;) {
    const text = await read(path).catch(() => undefined)
    if (text !== undefined && hashOf(text) === hash)
      return text
    if (Date.now() > end)
      throw new Error(`${path} is still not the module its name promises after ${waitMs / 1000} s (another Slidev server keeps rewriting it?)`)
    await new Promise(r => setTimeout(r, 5))
  }
}

export function wholeImportGlobs(waitMs?: number): Plugin {
  return {
    name: 'notedeck:whole-import-globs',
    enforce: 'pre',
    load(id) {
      const path = id.split('?')[0]!
      const hash = PROXY.exec(path)?.[1]
      return hash ? readWhole(path, hash, waitMs) : null
    },
  }
}
