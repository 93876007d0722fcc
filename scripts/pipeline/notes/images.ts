/**
 * The image edge: every image in the notes is made local before it reaches a slide. Remote images are
 * fetched once into a cache beside the deck (short timeout); local ones are copied there. An image that
 * cannot be had is left out of the slides with a warning, never shown broken.
 */
import { createHash } from 'node:crypto'
import { access, readFile } from 'node:fs/promises'
import { dirname, extname, join, resolve } from 'node:path'
import type { Node, Root } from 'mdast'
import type { Span, Warning } from '../types'
import { readHtml } from './html'
import { spanOf } from './span'
import { writeAtomic } from '../../core/write'

export const CACHE_DIR = 'notedeck-cache'
const EXT = /^\.(png|jpe?g|gif|webp|svg|avif)$/i
const TYPES: Record<string, string> = { 'image/png': '.png', 'image/jpeg': '.jpg', 'image/gif': '.gif', 'image/webp': '.webp', 'image/svg+xml': '.svg', 'image/avif': '.avif' }

export interface ImageOptions {
  /** Folder that holds the notes (relative image paths start here). */
  notesDir: string
  /** Folder of the generated slides.md; the cache is its public/notedeck-cache. */
  deckDir: string
  /** Do not fetch remote images (a cached copy is still used). */
  offline: boolean
  timeoutMs: number
}

/** Every image URL in the notes (image blocks, and images inline in any content), with where it first appears. */
export function imageUrls(root: Root): Map<string, Span> {
  const urls = new Map<string, Span>()
  const walk = (n: Node & { url?: string, children?: Node[], value?: string }) => {
    if (n.type === 'image' && n.url && !urls.has(n.url))
      urls.set(n.url, spanOf(n))
    if (n.type === 'html' && n.value) {
      for (const img of readHtml(n.value, spanOf(n)).images) {
        if (!urls.has(img.url))
          urls.set(img.url, img.span)
      }
    }
    n.children?.forEach(walk)
  }
  walk(root)
  return urls
}

const hash = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex').slice(0, 16)
const exists = (p: string) => access(p).then(() => true, () => false)

async function cached(dir: string, key: string): Promise<string | undefined> {
  for (const ext of Object.values(TYPES)) {
    if (await exists(join(dir, key + ext)))
      return key + ext
  }
  return undefined
}

async function fetchImage(url: string, timeoutMs: number): Promise<{ bytes: Uint8Array, ext: string }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' })
  if (!res.ok)
    throw new Error(`HTTP ${res.status}`)
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim()
  const ext = TYPES[type]
  if (!ext)
    throw new Error(`not an image (${type || 'no content type'})`)
  return { bytes: new Uint8Array(await res.arrayBuffer()), ext }
}

/** Where an image comes from for a slide, or why it does not; `read`: the file it was read from (or would be). */
async function resolveOne(url: string, opts: ImageOptions): Promise<{ local?: string, warning?: string, read?: string }> {
  const dir = join(opts.deckDir, 'public', CACHE_DIR)
  if (/^https?:\/\//i.test(url)) {
    const key = hash(url)
    const hit = await cached(dir, key)
    if (hit)
      return { local: `/${CACHE_DIR}/${hit}`, read: join(dir, hit) }
    if (opts.offline)
      return { warning: `image not shown (offline, not cached): ${url}` }
    try {
      const { bytes, ext } = await fetchImage(url, opts.timeoutMs)
      await writeAtomic(join(dir, key + ext), bytes)
      return { local: `/${CACHE_DIR}/${key}${ext}` }
    }
    catch (e) {
      const why = e instanceof Error ? (e.name === 'TimeoutError' ? `no answer in ${opts.timeoutMs} ms` : (e.cause as Error | undefined)?.message ?? e.message) : String(e)
      return { warning: `image not shown (could not fetch: ${why}): ${url}` }
    }
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(url))
    return { warning: `image not shown (only http(s) and local images are used): ${url.slice(0, 60)}` }
  const path = resolve(opts.notesDir, decodeURI(url.split(/[?#]/)[0]!))
  const ext = extname(path).toLowerCase()
  if (!EXT.test(ext))
    return { warning: `image not shown (not an image file type): ${url}` }
  try {
    const bytes = await readFile(path)
    const name = hash(bytes) + (ext === '.jpeg' ? '.jpg' : ext)
    if (!(await exists(join(dir, name))))
      await writeAtomic(join(dir, name), bytes)
    return { local: `/${CACHE_DIR}/${name}`, read: path }
  }
  catch {
    return { warning: `image not shown (file not found): ${path}`, read: path }
  }
}

/** Every image's local URL (or undefined), the warnings, and the files read: local images (found or not) and cached copies. */
export async function resolveImages(found: Map<string, Span>, opts: ImageOptions): Promise<{ images: Map<string, string | undefined>, warnings: Warning[], reads: string[] }> {
  const images = new Map<string, string | undefined>()
  const warnings: Warning[] = []
  const reads: string[] = []
  const urls = [...found.keys()]
  const results = await Promise.all(urls.map(u => resolveOne(u, opts)))
  urls.forEach((u, i) => {
    const r = results[i]!
    images.set(u, r.local)
    if (r.read)
      reads.push(r.read)
    if (r.warning)
      warnings.push({ message: r.warning, span: found.get(u)! })
  })
  return { images, warnings, reads }
}

export function deckDirOf(slidesPath: string): string {
  return dirname(resolve(slidesPath))
}
