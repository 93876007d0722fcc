/**
 * The site's search index: one document per slide of every deck (its deck, number, title and
 * text: the text the slide's speaker notes hold, which is all it shows), built with MiniSearch at
 * site time and loaded by the index page, no server. The index is data: the page shows every field
 * as text. Pure.
 */
import MiniSearch from 'minisearch'
import { searchTerms } from './search-terms'

export interface SearchSlide {
  /** `<deck id>/<slide number>`. */
  id: string
  deck: string
  deckTitle: string
  no: number
  title: string
  text: string
}

/** The options the index is built and read with (the page passes the same). */
export const SEARCH_OPTIONS = {
  fields: ['title', 'text', 'deckTitle'],
  storeFields: ['deck', 'deckTitle', 'no', 'title', 'text'],
  tokenize: searchTerms,
  processTerm: (term: string) => term,
}

/** The index of these slides, serialized (MiniSearch's JSON). */
export function searchIndex(slides: SearchSlide[]): string {
  const index = new MiniSearch<SearchSlide>(SEARCH_OPTIONS)
  index.addAll(slides)
  return JSON.stringify(index)
}
