// Speaker notes carry the whole text behind a slide, as the notes have it.
import { describe, expect, it } from 'vitest'
import { deckFrom } from '../helpers'

const notesOf = async (md: string) => (await deckFrom(md, 'n.md')).plan.slides.flatMap(s => s.notes).join('\n')

describe('speaker notes', () => {
  it('keep a task list\'s boxes, ticked or not, and numbered items\' numbers, item by item', async () => {
    const notes = await notesOf('# T\n\n## Checklist\n\n- [x] faithfulness\n- [ ] recall\n- plain\n\n## Steps\n\n3. three\n4. [x] four\n')
    expect(notes).toContain('Checklist:\n- [x] faithfulness\n- [ ] recall\n- plain')
    expect(notes).toContain('Steps:\n3. three\n4. [x] four')
  })

  it('of a card with one paragraph: its term and text on one line', async () => {
    expect(await notesOf('# T\n\n## A\n\nFirst text.\n\n## B\n\nSecond text.\n')).toContain('A: First text.')
  })
})
