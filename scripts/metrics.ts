/**
 * `npm run metrics`: reads the advance widths of the bundled Noto Sans SC's Latin and symbol
 * subsets (the characters that are not one em wide) into scripts/font-metrics.json, and writes the
 * layout numbers of scripts/layout.ts into styles/layout.css.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FontMetrics } from './font-metrics'
import { layoutCss } from './layout'
import { writeAtomic } from './write'

const require = createRequire(import.meta.url)

/** The @fontsource subsets whose glyphs are not all one em wide. */
const SUBSETS = ['latin', 'latin-ext', 'symbols', 'cyrillic', 'greek']

export async function readMetrics(): Promise<FontMetrics> {
  const fontkit = await import('fontkit')
  const dir = join(dirname(require.resolve('@fontsource/noto-sans-sc/package.json')), 'files')
  const out: FontMetrics = { unitsPerEm: 1000, regular: {}, bold: {} }
  for (const [weight, table] of [['400', out.regular], ['700', out.bold]] as const) {
    for (const subset of SUBSETS) {
      let font
      try {
        font = fontkit.create(readFileSync(join(dir, `noto-sans-sc-${subset}-${weight}-normal.woff2`))) as import('fontkit').Font
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
  return out
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const metrics = await readMetrics()
  await writeAtomic(fileURLToPath(new URL('./font-metrics.json', import.meta.url)), `${JSON.stringify(metrics)}\n`)
  console.log(`notedeck: scripts/font-metrics.json (${Object.keys(metrics.regular).length} regular, ${Object.keys(metrics.bold).length} bold advances)`)
  await writeAtomic(fileURLToPath(new URL('../styles/layout.css', import.meta.url)), layoutCss())
  console.log('notedeck: styles/layout.css (the layout numbers of scripts/layout.ts)')
}
