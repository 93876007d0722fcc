/**
 * `npm run metrics`: reads the advance widths of the bundled Noto Sans SC's Latin and symbol
 * subsets (the characters that are not one em wide) into scripts/font-metrics.json, and writes the
 * layout numbers of scripts/layout.ts into styles/layout.css.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FontMetrics } from '../pipeline/plan/font-metrics'
import { layoutCss } from '../pipeline/plan/layout'
import { writeAtomic } from '../core/write'
import { ROOT } from '../core/paths'

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
  await writeAtomic(join(ROOT, 'scripts', 'pipeline', 'plan', 'font-metrics.json'), `${JSON.stringify(metrics)}\n`)
  console.log(`notedeck: scripts/pipeline/plan/font-metrics.json (${Object.keys(metrics.regular).length} regular, ${Object.keys(metrics.bold).length} bold advances)`)
  await writeAtomic(join(ROOT, 'styles', 'layout.css'), layoutCss())
  console.log('notedeck: styles/layout.css (the layout numbers of scripts/pipeline/plan/layout.ts)')
}
