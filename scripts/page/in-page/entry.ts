/**
 * In-page: the entry of the bundle the check and the export evaluate in the page (`page/bundle.ts`):
 * what they measure, what the editable PowerPoint reads and how the handout pages its rows, as
 * `window.__notedeck`.
 */
import { measureAll, measureSlideNo, pageFonts } from './measure'
import { partsOnPage } from './pptx-parts'
import { showTables, tablesOnPage } from './pptx-tables'
import { layoutHandout } from './handout-paging'

const api = { measureSlideNo, measureAll, pageFonts, partsOnPage, tablesOnPage, showTables, layoutHandout }
export type NotedeckPage = typeof api
;(globalThis as unknown as { __notedeck: NotedeckPage }).__notedeck = api
