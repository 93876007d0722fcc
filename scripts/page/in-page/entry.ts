/**
 * In-page: the entry of the bundle the check and the export evaluate in the page (`page/bundle.ts`):
 * what it measures, as `window.__notedeck`.
 */
import { measureAll, measureSlideNo, pageFonts } from './measure'

const api = { measureSlideNo, measureAll, pageFonts }
export type NotedeckPage = typeof api
;(globalThis as unknown as { __notedeck: NotedeckPage }).__notedeck = api
