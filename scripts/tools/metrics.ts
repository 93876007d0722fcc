/**
 * `npm run metrics`: reads the advance widths of the bundled Noto Sans SC's Latin and symbol
 * subsets (the characters that are not one em wide) into scripts/font-metrics.json, and writes the
 * layout numbers of scripts/pipeline/geometry.ts into styles/layout.css.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FontMetrics } from '../pipeline/plan/font-metrics'
import { layoutCss } from '../pipeline/geometry'
import { writeAtomic } from '../core/write'
import { ROOT } from '../core/paths'

const require = createRequire(import.meta.url)

/** The @fontsource subsets whose glyphs are not all one em wide. */
const SUBSETS = ['latin', 'latin-ext', 'symbols', 'cyrillic', 'greek']

type Range = [number, number]

/** The code points a font's CSS declares its subsets for (`unicode-range`: exactly the glyphs each subset has), merged. */
function cssRanges(css: string): Range[] {
  const ranges: Range[] = []
  for (const m of css.matchAll(/U\+([0-9a-f?]+)(?:-([0-9a-f]+))?/gi))
    ranges.push([Number.parseInt(m[1]!.replace(/\?/g, '0'), 16), Number.parseInt((m[2] ?? m[1]!).replace(/\?/g, 'f'), 16)])
  ranges.sort((a, b) => a[0] - b[0])
  const merged: Range[] = []
  for (const r of ranges) {
    const last = merged[merged.length - 1]
    if (last && r[0] <= last[1] + 1)
      last[1] = Math.max(last[1], r[1])
    else
      merged.push([r[0], r[1]])
  }
  return merged
}

const within = (ranges: Range[], cp: number) => ranges.some(([a, b]) => cp >= a && cp <= b)

export async function readMetrics(): Promise<FontMetrics> {
  const fontkit = await import('fontkit')
  const read = (file: string) => fontkit.create(readFileSync(file)) as import('fontkit').Font
  const sansDir = dirname(require.resolve('@fontsource/noto-sans-sc/package.json'))
  const emojiDir = dirname(require.resolve('@fontsource/noto-emoji/package.json'))
  const dir = join(sansDir, 'files')
  const out: FontMetrics = { unitsPerEm: 1000, regular: {}, bold: {}, monoRanges: [], cover: { sans: [], mono: [] } }
  for (const [weight, table] of [['400', out.regular], ['700', out.bold]] as const) {
    for (const subset of SUBSETS) {
      let font
      try {
        font = read(join(dir, `noto-sans-sc-${subset}-${weight}-normal.woff2`))
      }
      catch {
        continue
      }
      out.unitsPerEm = font.unitsPerEm
      for (const cp of font.characterSet) {
        const width = font.glyphForCodePoint(cp).advanceWidth
        if (width !== font.unitsPerEm && table[cp] === undefined)
          table[cp] = width
      }
    }
  }
  // Emoji and symbols Noto Sans SC lacks are drawn in Noto Emoji (the last font of every stack), wider
  // than an em. A subset's unicode-range may name characters its file does not have: the files say.
  const faces = [...readFileSync(join(sansDir, '400.css'), 'utf8').matchAll(/url\(\.\/files\/([^)]+\.woff2)\)[^}]*?unicode-range:([^;]+);/g)].map(m => ({ file: m[1]!, ranges: cssRanges(m[2]!) }))
  const charsets = new Map<string, Set<number>>()
  const sansHas = (cp: number) => faces.some((f) => {
    if (!within(f.ranges, cp))
      return false
    if (!charsets.has(f.file))
      charsets.set(f.file, new Set(read(join(dir, f.file)).characterSet))
    return charsets.get(f.file)!.has(cp)
  })
  for (const file of readdirSync(join(emojiDir, 'files')).filter(f => /-400-normal\.woff2$/.test(f)).sort()) {
    const font = read(join(emojiDir, 'files', file))
    for (const cp of font.characterSet) {
      const width = Math.round(font.glyphForCodePoint(cp).advanceWidth * out.unitsPerEm / font.unitsPerEm)
      if (cp > 0x7F && width !== out.unitsPerEm && out.regular[cp] === undefined && !sansHas(cp)) {
        out.regular[cp] = width
        out.bold[cp] = width
      }
    }
  }
  // What each stack can draw, exactly (every file's own characters): text, and code, whose font
  // falls back to the text fonts. The code font's own glyphs are one column wide (CJK two).
  const mono = join(dirname(require.resolve('@chinese-fonts/maple-mono-cn/package.json')), 'dist', 'MapleMono-CN-Regular')
  const charset = (folder: string, pattern: RegExp) => readdirSync(folder).filter(f => pattern.test(f)).flatMap(f => read(join(folder, f)).characterSet)
  const sansChars = [...charset(dir, /-400-normal\.woff2$/), ...charset(join(emojiDir, 'files'), /-400-normal\.woff2$/)]
  const monoChars = charset(mono, /\.woff2$/)
  out.monoRanges = toRanges(monoChars)
  out.cover = { sans: toRanges(sansChars), mono: toRanges([...monoChars, ...sansChars]) }
  return out
}

/** Code points as sorted, merged ranges. */
function toRanges(cps: number[]): Range[] {
  const sorted = [...new Set(cps)].sort((a, b) => a - b)
  const out: Range[] = []
  for (const cp of sorted) {
    const last = out[out.length - 1]
    if (last && cp === last[1] + 1)
      last[1] = cp
    else
      out.push([cp, cp])
  }
  return out
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const metrics = await readMetrics()
  await writeAtomic(join(ROOT, 'scripts', 'pipeline', 'plan', 'font-metrics.json'), `${JSON.stringify(metrics)}\n`)
  console.log(`notedeck: scripts/pipeline/plan/font-metrics.json (${Object.keys(metrics.regular).length} regular, ${Object.keys(metrics.bold).length} bold advances)`)
  await writeAtomic(join(ROOT, 'styles', 'layout.css'), layoutCss())
  console.log('notedeck: styles/layout.css (the layout numbers of scripts/pipeline/geometry.ts)')
}
