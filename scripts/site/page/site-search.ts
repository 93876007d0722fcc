/**
 * In the site's index page (bundled by esbuild with MiniSearch, `site/site-assets.ts`): search
 * across every deck as the reader types; each result names its deck and slide, shows the words
 * around the match, and links to that slide. Everything from the notes is set as text.
 */
import MiniSearch from 'minisearch'
import { searchTerms } from '../search-terms'
import { SEARCH_OPTIONS } from '../search-index'

interface Hit { deck: string, deckTitle: string, no: number, title: string, text: string }

const MAX_RESULTS = 40
const AROUND = 36

/** The text around the first place a term of the query occurs, the match marked. */
function snippet(text: string, query: string): Node[] {
  const flat = text.replace(/\s+/g, ' ').trim()
  const lower = flat.toLowerCase()
  const wanted = [query.trim().toLowerCase(), ...searchTerms(query)].filter(Boolean)
  const found = wanted.map(w => ({ w, at: lower.indexOf(w) })).find(x => x.at >= 0)
  if (!found)
    return [document.createTextNode(flat.slice(0, 2 * AROUND))]
  const start = Math.max(0, found.at - AROUND)
  const end = Math.min(flat.length, found.at + found.w.length + AROUND)
  const mark = document.createElement('mark')
  mark.textContent = flat.slice(found.at, found.at + found.w.length)
  return [document.createTextNode(`${start > 0 ? '…' : ''}${flat.slice(start, found.at)}`), mark, document.createTextNode(`${flat.slice(found.at + found.w.length, end)}${end < flat.length ? '…' : ''}`)]
}

function show(list: HTMLElement, status: HTMLElement, hits: Hit[], query: string): void {
  list.replaceChildren(...hits.slice(0, MAX_RESULTS).map((h) => {
    const li = document.createElement('li')
    const a = document.createElement('a')
    a.href = `decks/${encodeURIComponent(h.deck)}/index.html#/${h.no}`
    a.textContent = h.title || `${h.no}`
    const where = document.createElement('span')
    where.className = 'where'
    where.textContent = `${h.deckTitle} · ${h.no}`
    const text = document.createElement('p')
    text.append(...snippet(h.text, query))
    li.append(a, where, text)
    return li
  }))
  status.textContent = query.trim() ? `${hits.length} slide${hits.length === 1 ? '' : 's'}${hits.length > MAX_RESULTS ? `, the first ${MAX_RESULTS} shown` : ''}` : ''
}

function start(): void {
  const data = (globalThis as { __notedeckSearch?: string }).__notedeckSearch
  const input = document.querySelector<HTMLInputElement>('#nd-search')
  const list = document.querySelector<HTMLElement>('#nd-results')
  const status = document.querySelector<HTMLElement>('#nd-count')
  if (!data || !input || !list || !status)
    return
  const index = MiniSearch.loadJSON<Hit>(data, SEARCH_OPTIONS)
  const run = () => {
    const query = input.value
    const hits = query.trim() ? index.search(query, { combineWith: 'AND', prefix: t => t.length > 2 && /^[a-z0-9]/.test(t) }) as unknown as Hit[] : []
    show(list, status, hits, query)
    document.body.classList.toggle('searching', query.trim().length > 0)
  }
  input.addEventListener('input', run)
  const q = new URLSearchParams(location.search).get('q')
  if (q) {
    input.value = q
    run()
  }
}

// The page's entry (bundled by site-assets.ts): it acts only in a page.
if (typeof document !== 'undefined')
  start()
