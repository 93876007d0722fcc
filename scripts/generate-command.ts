/** `npm run generate [-- <notes.md>] [-o <slides.md>]` */
import { resolve } from 'node:path'
import { parseCommon } from './cli'
import { generate } from './generate'
import { DEFAULT_NOTES, DEFAULT_SLIDES } from './paths'
import { printGenerated } from './report'
import { USAGE } from './usage'

export async function runGenerate(argv: string[]): Promise<number> {
  const { values, notes } = parseCommon(argv)
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const result = await generate({
    notes: notes ?? DEFAULT_NOTES,
    out: typeof values.out === 'string' ? resolve(values.out) : DEFAULT_SLIDES,
    ...(typeof values.config === 'string' ? { config: values.config } : {}),
    offline: values.offline === true,
  })
  printGenerated(result)
  return 0
}
