import { type GenerateResult, generate } from '../pipeline/generate'
import { DEFAULT_NOTES, slidesFor } from '../core/paths'
import { printGenerated } from './report'

/**
 * What `export` and `check` share: generate the notes (default data/notes.md) into the slides file
 * Slidev will serve, and say what was written.
 */
export async function generateForDeck(notesArg: string | undefined, values: Record<string, unknown>): Promise<GenerateResult> {
  const notes = notesArg ?? DEFAULT_NOTES
  const result = await generate({
    notes,
    out: slidesFor(notes),
    ...(typeof values.config === 'string' ? { config: values.config } : {}),
    offline: values.offline === true,
  })
  printGenerated(result)
  return result
}
