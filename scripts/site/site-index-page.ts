/**
 * The site's index page: every deck of the notes folder, grouped by the folders they are kept in
 * (2024 / 问题与思考 / …), each with its cover picture, title, subtitle, date, number of slides and
 * sections, and links to present it and to its PDF, handout and PowerPoint; a search box over all
 * of them. Static HTML; every piece of text from the notes escaped, no inline script (a CSP allows
 * only the site's own files). Pure.
 */
import { escapeHtml } from '../pipeline/speaker-notes-text'
import { CANVAS, COLORS, FONTS, fontStack } from '../pipeline/geometry'

/** What the index shows of one deck. */
export interface SiteDeck {
  /** Its folder under decks/ and the stem of its files under files/ (unique in the site). */
  id: string
  /** The folder it is kept in, relative to the notes folder ('' at the top). */
  group: string
  /** The notes file, relative to the notes folder. */
  source: string
  title: string
  subtitle?: string
  date: string
  lang: string
  slides: number
  sections: string[]
  /** Files of the site it has (relative to the site): cover picture, PDF, handout, PowerPoint. */
  files: { cover?: string, pdf?: string, handout?: string, pptx?: string }
}

export interface SitePage {
  title: string
  lang: string
  decks: SiteDeck[]
  /** Notes that could not be made, with where (`file:line:col`) and why. */
  failed: Array<{ source: string, message: string }>
}

const MAX_SECTIONS = 5
const e = escapeHtml

function card(d: SiteDeck): string {
  const link = (href: string | undefined, text: string) => (href ? `<a href="${e(href)}">${text}</a>` : '')
  const sections = d.sections.slice(0, MAX_SECTIONS).map(s => `<li>${e(s)}</li>`).join('') + (d.sections.length > MAX_SECTIONS ? '<li>…</li>' : '')
  return `<article class="deck" lang="${e(d.lang)}">
<a class="cover" href="decks/${e(d.id)}/index.html">${d.files.cover ? `<img src="${e(d.files.cover)}" alt="" loading="lazy">` : ''}</a>
<h3><a href="decks/${e(d.id)}/index.html">${e(d.title)}</a></h3>
${d.subtitle ? `<p class="sub">${e(d.subtitle)}</p>` : ''}<p class="meta"><time>${e(d.date)}</time> · ${d.slides} slides · <span class="src">${e(d.source)}</span></p>
${sections ? `<ol class="sections">${sections}</ol>` : ''}<p class="links">${[link(`decks/${d.id}/index.html`, 'Present'), link(`decks/${d.id}/index.html#/presenter/1`, 'Presenter'), link(d.files.pdf, 'PDF'), link(d.files.handout, 'Handout'), link(d.files.pptx, 'PowerPoint')].filter(Boolean).join(' ')}</p>
</article>`
}

/** The decks by group, groups in order of their path, decks by date (newest first), then title. */
function groups(decks: SiteDeck[]): Array<[string, SiteDeck[]]> {
  const by = new Map<string, SiteDeck[]>()
  for (const d of decks)
    by.set(d.group, [...(by.get(d.group) ?? []), d])
  return [...by].sort(([a], [b]) => a.localeCompare(b)).map(([g, ds]) => [g, ds.sort((x, y) => y.date.localeCompare(x.date) || x.title.localeCompare(y.title))])
}

export function siteIndexHtml(page: SitePage): string {
  const [light, dark] = [COLORS.light, COLORS.dark]
  const [paper, night] = [COLORS.handout.light, COLORS.handout.dark]
  const body = groups(page.decks).map(([group, decks]) => `<section class="group">${group ? `<h2>${e(group.split('/').join(' / '))}</h2>` : ''}<div class="grid">${decks.map(card).join('\n')}</div></section>`).join('\n')
  const failed = page.failed.length ? `<section class="failed"><h2>Not made</h2><ul>${page.failed.map(f => `<li><code>${e(f.source)}</code>: ${e(f.message)}</li>`).join('')}</ul></section>` : ''
  return `<!doctype html>
<html lang="${e(page.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'">
<title>${e(page.title)}</title>
<link rel="stylesheet" href="assets/notedeck-fonts.css">
<style>
:root { --accent: ${light.accent}; --muted: ${light.muted}; --card: ${light['card-bg']}; --border: ${light['card-border']}; --bg: ${paper.bg}; --fg: ${paper.fg}; color-scheme: light dark }
@media (prefers-color-scheme: dark) { :root { --accent: ${dark.accent}; --muted: ${dark.muted}; --card: ${dark['card-bg']}; --border: ${dark['card-border']}; --bg: ${night.bg}; --fg: ${night.fg} } }
body { margin: 0 auto; max-width: 1200px; padding: 24px; font-family: ${fontStack(FONTS.sans, 'sans-serif')}; background: var(--bg); color: var(--fg) }
h1 { font-size: 28px; margin: 0 0 16px } h2 { font-size: 20px; margin: 28px 0 12px; color: var(--muted) }
a { color: var(--accent) }
#nd-search { width: 100%; box-sizing: border-box; font: inherit; font-size: 18px; padding: 10px 14px; border: 1px solid var(--border); border-radius: 8px; background: var(--card); color: inherit }
#nd-results { list-style: none; padding: 0 } #nd-results li { padding: 10px 0; border-bottom: 1px solid var(--border) }
#nd-results .where { margin-left: 10px; color: var(--muted); font-size: 14px } #nd-results p { margin: 4px 0 0 } mark { background: ${light['card-border']}; color: inherit }
body.searching .groups { display: none }
.groups { display: flex; flex-wrap: wrap; gap: 0 32px; align-items: flex-start }
.grid { display: flex; flex-wrap: wrap; gap: 16px }
.deck { width: 264px; box-sizing: border-box; border: 1px solid var(--border); border-radius: 8px; background: var(--card); padding: 12px; overflow-wrap: anywhere }
.deck .cover img { width: 100%; aspect-ratio: ${CANVAS.width} / ${CANVAS.height}; object-fit: cover; border-radius: 4px; border: 1px solid var(--border) }
.deck h3 { font-size: 17px; margin: 8px 0 4px } .deck h3 a { color: inherit; text-decoration: none }
.sub, .meta, .sections { color: var(--muted); font-size: 14px; margin: 4px 0 } .sections { padding-left: 1.4em }
.links a { margin-right: 10px; font-size: 14px }
.failed li { color: ${COLORS.warning.bg} }
</style>
</head>
<body>
<h1>${e(page.title)}</h1>
<input id="nd-search" type="search" placeholder="Search all decks · 搜索所有幻灯片" aria-label="Search all decks" autocomplete="off">
<p id="nd-count" aria-live="polite"></p>
<ol id="nd-results"></ol>
${failed}
<div class="groups">
${body}
</div>
<script src="search-index.js"></script>
<script src="assets/notedeck-search.js"></script>
</body>
</html>
`
}
