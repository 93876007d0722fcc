/**
 * A slides file as Slidev itself reads it (@slidev/parser): the one place notedeck parses Slidev
 * Markdown, and only for what Slidev's side needs: the sources its server shows (to know the page
 * shows the file just written), the features that decide which server can host it, and the slide
 * list Slidev's editable PowerPoint exporter takes. What was planned (titles, levels, notes lines,
 * estimates, speaker notes) comes from the Deck that generation made, never from here.
 */
import { parseSync } from '@slidev/parser'

export type SlidevSlides = ReturnType<typeof parseSync>

export function slidevSlides(markdown: string, file = 'slides.md'): SlidevSlides {
  return parseSync(markdown, file)
}

/** Each slide's source as Slidev's server shows it, in order. */
export function slideSources(markdown: string, file = 'slides.md'): string[] {
  return slidevSlides(markdown, file).slides.map(s => s.content.trim())
}
