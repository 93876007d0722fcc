/**
 * In-page links of the notes (`[MoE架构](#moe架构)`) and the notes' own table of contents.
 * Headings get the anchors GitHub and most Markdown tools give them; a link to one leads to the
 * slide that shows that heading. Pure.
 */
import type { Root } from 'mdast'
import { SKIP, visit } from 'unist-util-visit'
import { toString } from 'mdast-util-to-string'
import type { Section, Span, Warning } from '../types'
import { spanOf } from './span'

/** The anchor of a heading, as GitHub makes it: lower case, punctuation dropped, spaces as `-`. */
export function slugOf(text: string): string {
  return text.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-')
}

/** Every heading's anchor -> its notes line; a repeated anchor gets `-1`, `-2` … as on GitHub. */
export function headingAnchors(sections: Section[]): Map<string, number> {
  const out = new Map<string, number>()
  const seen = new Map<string, number>()
  const walk = (list: Section[]) => {
    for (const s of list) {
      const base = slugOf(s.title)
      const n = seen.get(base) ?? 0
      seen.set(base, n + 1)
      out.set(n ? `${base}-${n}` : base, s.span.start.line)
      walk(s.children)
    }
  }
  walk(sections)
  return out
}

/** The heading line an in-page link leads to, if the notes have that heading. */
export function resolveAnchor(url: string, anchors: ReadonlyMap<string, number>): number | undefined {
  if (!url.startsWith('#'))
    return undefined
  const raw = url.slice(1)
  let decoded = raw
  try {
    decoded = decodeURIComponent(raw)
  }
  catch {}
  return anchors.get(raw) ?? anchors.get(decoded) ?? anchors.get(decoded.toLowerCase()) ?? anchors.get(slugOf(decoded))
}

const TOC_TITLE = /^(?:目录|目錄|目次|contents|table of contents|toc)$/iu

/** `目录`, `Contents:`, `[TOC]` …: a title or an editor's marker for a table of contents. */
export function isTocTitle(text: string): boolean {
  return TOC_TITLE.test(text.trim().replace(/^\[\[?|\]?\]$/g, '').replace(/[:：]$/u, '').trim())
}

/**
 * A section that is the notes' own table of contents: titled so, or holding nothing but lists of
 * in-page links. The deck has its own agenda, so this one is left out.
 */
export function isTableOfContents(section: Section): boolean {
  if (isTocTitle(section.title))
    return section.children.length === 0
  if (section.children.length || section.definition || section.blocks.length === 0)
    return false
  return section.blocks.every((b) => {
    if (b.kind === 'links')
      return b.links.every(l => l.url.startsWith('#'))
    if (b.kind !== 'list')
      return false
    // A list of in-page links, nested or numbered: no text but the links' own.
    const links: string[] = []
    let elsewhere = false
    visit(b.node, 'link', (link) => {
      links.push(toString(link))
      elsewhere ||= !link.url.startsWith('#')
      return SKIP
    })
    const bare = (t: string) => t.replace(/[\s\d.、:：\-–—·|]/gu, '')
    return links.length > 0 && !elsewhere && bare(toString(b.node)) === bare(links.join(''))
  })
}

/** In-page links whose heading the notes do not have: they are shown as text, with a warning. */
export function brokenAnchors(root: Root, anchors: ReadonlyMap<string, number>, skip: Span[]): Warning[] {
  const warnings: Warning[] = []
  visit(root, 'link', (link) => {
    const span = spanOf(link)
    if (!link.url.startsWith('#') || resolveAnchor(link.url, anchors) !== undefined || skip.some(s => s.start.line <= span.start.line && span.end.line <= s.end.line))
      return
    warnings.push({ message: `link to "${link.url}": the notes have no heading with that anchor; shown as text`, span })
  })
  return warnings
}
