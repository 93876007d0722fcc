// Vite's dependency cache for the servers notedeck starts: one folder per mode and per config Vite
// would rebuild it for, so that two servers never rebuild a cache under each other's pages; filled
// once under a lock; caches of earlier configs removed once unused for a day.
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { depsCacheFor, depsCacheIsCold, depsConfigKey, withWarmCache } from '../../scripts/slidev/slidev-server'
import { tempDir } from '../helpers'

function project(): string {
  const root = tempDir()
  writeFileSync(join(root, 'vite.config.ts'), 'export default {}\n')
  writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}\n')
  writeFileSync(join(root, 'slides.md'), '# a\n')
  return root
}

describe('the dependency cache of notedeck\'s servers', () => {
  it('is a folder per mode and per NODE_ENV, project folder, Vite config and lockfile', () => {
    const root = project()
    const slides = join(root, 'slides.md')
    const key = depsConfigKey(root)
    expect(depsCacheFor(slides, 'export')).toBe(join(root, 'node_modules', '.vite', `notedeck-export-${key}`))
    expect(depsCacheFor(slides, 'dev')).not.toBe(depsCacheFor(slides, 'export'))
    expect(depsConfigKey(root, 'test')).not.toBe(depsConfigKey(root, 'production'))
    expect(depsConfigKey(root, 'test')).toBe(depsConfigKey(root, 'test'))
    // The same folder with another Vite config or other packages; another folder with the same files
    // (a copy whose node_modules is a link here: Vite's config differs by its root).
    const before = depsConfigKey(root, 'test')
    writeFileSync(join(root, 'vite.config.ts'), 'export default { plugins: [] }\n')
    const configured = depsConfigKey(root, 'test')
    expect(configured).not.toBe(before)
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}\n')
    expect(depsConfigKey(root, 'test')).not.toBe(configured)
    const copy = project()
    writeFileSync(join(copy, 'vite.config.ts'), 'export default { plugins: [] }\n')
    writeFileSync(join(copy, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}\n')
    expect(depsConfigKey(copy, 'test')).not.toBe(depsConfigKey(root, 'test'))
  })

  it('is filled once under a lock, then used as it is; older configs\' caches unused for a day go', async () => {
    const root = project()
    const slides = join(root, 'slides.md')
    const cache = depsCacheFor(slides, 'export')
    const vite = dirname(cache)
    const day = (f: string, days: number) => {
      const t = new Date(Date.now() - days * 24 * 3600_000)
      utimesSync(join(vite, f, 'deps'), t, t)
    }
    for (const f of ['notedeck-export', 'notedeck-export-aaaaaaaaaaaa', 'notedeck-export-bbbbbbbbbbbb', 'notedeck-dev-cccccccccccc'])
      mkdirSync(join(vite, f, 'deps'), { recursive: true })
    day('notedeck-export', 3)
    day('notedeck-export-aaaaaaaaaaaa', 2)
    day('notedeck-dev-cccccccccccc', 5)
    writeFileSync(join(vite, 'notedeck-export-dddddddddddd.lock'), '1')
    expect(depsCacheIsCold(cache)).toBe(true)
    let locked = false
    await withWarmCache(slides, 'export', async () => {
      locked = readdirSync(vite).includes(`${basename(cache)}.lock`)
      mkdirSync(join(cache, 'deps'), { recursive: true })
      writeFileSync(join(cache, 'deps', '_metadata.json'), '{}')
    }, 5_000)
    expect(locked).toBe(true)
    expect(depsCacheIsCold(cache)).toBe(false)
    // The old ones of this mode went; one in use today, another mode's, and another's lock stay.
    expect(readdirSync(vite).sort()).toEqual([basename(cache), 'notedeck-dev-cccccccccccc', 'notedeck-export-bbbbbbbbbbbb', 'notedeck-export-dddddddddddd.lock'].sort())
    // Warm: no lock taken.
    await withWarmCache(slides, 'export', async () => { locked = readdirSync(vite).some(f => f.endsWith('.lock') && f.startsWith(basename(cache))) }, 5_000)
    expect(locked).toBe(false)
  })

  it('stays locked after the server has started until Vite has written the cache (a second server waits, then starts warm)', async () => {
    const root = project()
    const slides = join(root, 'slides.md')
    const cache = depsCacheFor(slides, 'export')
    const seen: string[] = []
    let second: Promise<void> | undefined
    // The first server "starts" at once; Vite fills its cache a moment later, as it does.
    await withWarmCache(slides, 'export', async () => {
      setTimeout(() => {
        mkdirSync(join(cache, 'deps'), { recursive: true })
        writeFileSync(join(cache, 'deps', '_metadata.json'), '{}')
        seen.push('filled')
      }, 300)
      second = withWarmCache(slides, 'export', async () => { seen.push(depsCacheIsCold(cache) ? 'second started cold' : 'second started warm') }, 5_000)
      seen.push('first started')
    }, 5_000)
    await second
    expect(seen).toEqual(['first started', 'filled', 'second started warm'])
  })
})
