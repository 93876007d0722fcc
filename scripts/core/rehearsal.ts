/**
 * A rehearsal's record: how long each slide was shown in a run-through (`npm run dev -- --rehearse`),
 * written by the presenter view through the dev server, read back by the next generate to plan the
 * budgets at the speaker's own pace (plan/timing.ts). Untrusted (a file a person may edit), so read
 * with zod; a record that does not read is named, never silently used.
 */
import { z } from 'zod'
import { NotedeckError } from './errors'

export const RehearsalSchema = z.strictObject({
  /** When the run-through ended (ISO time), for the report. */
  at: z.string(),
  slides: z.array(z.strictObject({
    no: z.number().int().positive(),
    title: z.string(),
    /** The notes line the slide comes from (its frontmatter's notesLine), to find it again after edits. */
    line: z.number().int().positive().optional(),
    /** Its budget in that run, and the seconds it was shown while the timer ran. */
    planned: z.number().nonnegative(),
    actual: z.number().nonnegative(),
  })).max(10_000),
})

export type Rehearsal = z.infer<typeof RehearsalSchema>

/** The record in `text` (JSON), or an error naming `file` and what is wrong. */
export function parseRehearsal(text: string, file: string): Rehearsal {
  let data: unknown
  try {
    data = JSON.parse(text)
  }
  catch (e) {
    throw new NotedeckError('CONFIG_INVALID', `not a rehearsal record: ${(e as Error).message}`, { where: { file }, hint: 'delete the file, or rehearse again with npm run dev -- --rehearse' })
  }
  const result = RehearsalSchema.safeParse(data)
  if (!result.success) {
    const issue = result.error.issues[0]!
    throw new NotedeckError('CONFIG_INVALID', `not a rehearsal record: ${issue.path.join('.')}: ${issue.message}`, { where: { file }, hint: 'delete the file, or rehearse again with npm run dev -- --rehearse' })
  }
  return result.data
}
