// Nothing lost: every sentence of the notes appears on a slide or in the speaker notes.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Nodes } from 'mdast'
import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../../scripts/pipeline/notes/parse'
import type { Plan } from '../../scripts/pipeline/plan/plan'
import { plainText, sentences } from '../../scripts/pipeline/text'
import type { Block } from '../../scripts/pipeline/types'
import { FIXTURES, NOTES, deckFrom, defaultConfig, readText } from '../helpers'

/** Letters, digits and CJK only: punctuation, spacing and markup differ between notes and slides. */
const norm = (s: string) => s.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '')

function sourceSentences(markdown: string): string[] {
  const out: string[] = []
  const walk = (n: Nodes) => {
    if (n.type === 'html' || n.type === 'image')
      return
    if (n.type === 'code') {
      out.push(...n.value.split('\n'))
      return
    }
    if (n.type === 'paragraph' || n.type === 'heading' || n.type === 'tableCell') {
      // An <img> tag is an image, not text: images are checked by the deck and layout tests.
      out.push(...sentences(plainText(n).replace(/<img\b[^>]*>/gi, '')))
      return
    }
    if ('children' in n)
      (n.children as Nodes[]).forEach(walk)
  }
  walk(parseMarkdown(markdown))
  return out.filter(s => norm(s).length > 0)
}

function blockText(b: Block): string[] {
  switch (b.kind) {
    case 'code': return [b.value]
    case 'paragraph': case 'list': case 'table': return [plainText(b.node)]
    case 'quote': return b.content.map(c => plainText(c))
    default: return []
  }
}

function deckText(plan: Plan): string {
  return plan.slides.flatMap((s) => {
    const b = s.body
    const own = b.kind === 'content'
      ? b.blocks.flatMap(blockText)
      : b.kind === 'cards'
        ? b.cards.flatMap(c => [c.term, ...c.content.map(x => plainText(x))])
        : b.kind === 'cover' ? [b.title, b.subtitle ?? ''] : b.kind === 'divider' ? b.subtitle ?? [] : b.kind === 'agenda' ? b.items : []
    return [s.title, s.kicker ?? '', ...own, ...s.notes]
  }).map(norm).join('\n')
}

const cases: Array<[string, string]> = [['data/notes.md', NOTES], ...readdirSync(FIXTURES).filter(f => f.endsWith('.md')).map(f => [`test/fixtures/${f}`, join(FIXTURES, f)] as [string, string])]

describe('every sentence of the notes is on a slide or in its speaker notes', () => {
  it.each(cases)('%s', async (name, file) => {
    const text = readText(file)
    const { plan } = await deckFrom(text, name, name === 'data/notes.md' ? defaultConfig() : undefined, name === 'data/notes.md' ? undefined : FIXTURES)
    const haystack = deckText(plan)
    const lost = sourceSentences(text).filter(s => !haystack.includes(norm(s)))
    expect(lost).toEqual([])
  })

  it('notices a lost sentence (the check itself can fail)', async () => {
    const { plan } = await deckFrom('## A\n\nKept sentence.\n', 'x.md')
    expect(deckText(plan).includes(norm('Another sentence.'))).toBe(false)
    expect(deckText(plan).includes(norm('Kept sentence.'))).toBe(true)
  })
})
