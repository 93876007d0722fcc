/** `npm run generate [-- <notes.md>] [-o <slides.md>]` */
import { resolve } from 'node:path'
import { parseCommon } from './args'
import { generate } from '../pipeline/generate'
import { DEFAULT_NOTES, DEFAULT_SLIDES } from '../core/paths'
import { printGenerated } from './report'
import { USAGE } from './usage'

export async function runGenerate(argv: string[]): Promise<number> {
  const { values, notes } = parseCommon(argv, 'generate')
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const result = await generate({
    notes: notes ?? DEFAULT_NOTES,
    out: typeof values.out === 'string' ? resolve(values.out) : DEFAULT_SLIDES,
    ...(typeof values.config === 'string' ? { config: values.config } : {}),
    offline: values.offline === true,
    check: values.check === true,
    force: values.force === true,
  })
  if (values.check) {
    console.log(`notedeck: ${result.out === DEFAULT_SLIDES ? 'slides.md' : result.out} is up to date with ${result.file}`)
    return 0
  }
  printGenerated(result)
  return 0
}
