// Slidev's generated import-glob modules are read whole: a file caught half-written (as another
// server rewrites it) is read again until its content matches the hash in its name.
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readWhole, wholeImportGlobs } from '../../scripts/slidev/whole-import-globs'
import { tempDir } from '../helpers'

const content = 'export default import.meta.glob(["./layouts/*.vue"], {"eager":true})\n'
const hash = createHash('sha256').update(content).digest('hex').slice(0, 10)
const virtual = join(tempDir(), 'node_modules', '.slidev', 'virtual')
mkdirSync(virtual, { recursive: true })
const proxy = join(virtual, `import-glob.${hash}.ts`)

describe('readWhole', () => {
  it('reads a whole file at once', async () => {
    writeFileSync(proxy, content)
    expect(await readWhole(proxy, hash)).toBe(content)
  })

  it('reads again while the file is missing, empty or cut short, then returns it whole', async () => {
    // What another server's rewrite shows a reader, one read after another.
    const seen = [undefined, '', content.slice(0, 20), content, 'never read']
    const reads: string[] = []
    const read = async (p: string) => {
      reads.push(p)
      const text = seen[reads.length - 1]
      if (text === undefined)
        throw new Error(`ENOENT: ${p}`)
      return text
    }
    expect(await readWhole(proxy, hash, 5_000, read)).toBe(content)
    expect(reads).toEqual([proxy, proxy, proxy, proxy])
  })

  it('gives up with a message naming the file when it never matches', async () => {
    writeFileSync(proxy, 'export default {}\n')
    await expect(readWhole(proxy, hash, 50)).rejects.toThrow(`${proxy} is still not the module its name promises`)
  })
})

describe('the plugin', () => {
  const load = (id: string) => (wholeImportGlobs().load as (id: string) => Promise<string> | null)(id)

  it('loads Slidev\'s proxies (with or without a query), and leaves every other module to Vite', async () => {
    writeFileSync(proxy, content)
    expect(await load(`${proxy}?v=1234abcd`)).toBe(content)
    expect(load(join(virtual, 'import-glob.ts'))).toBeNull()
    expect(load(join(virtual, 'other.abcdef0123.ts'))).toBeNull()
    expect(load('/project/components/Card.vue')).toBeNull()
  })
})
