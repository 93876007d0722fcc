// The site's pure parts: how text becomes search terms (Chinese without spaces), the index and what
// it finds, which files are notes and what they are called, the index page's escaping, the progress.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import { searchTerms } from '../../scripts/site/search-terms'
import { SEARCH_OPTIONS, type SearchSlide, searchIndex } from '../../scripts/site/search-index'
import { findNotes, siteNotes } from '../../scripts/site/site-notes'
import { type SiteDeck, siteIndexHtml } from '../../scripts/site/site-index-page'
import { progress } from '../../scripts/site/site-progress'
import { tempDir } from '../helpers'

describe('search terms', () => {
  it('words lower-cased, Chinese as overlapping pairs, a lone character as itself', () => {
    expect(searchTerms('RLHF 微调大模型')).toEqual(['rlhf', '微调', '调大', '大模', '模型'])
    expect(searchTerms('LoRA微调, GPT-4o!')).toEqual(['lora', '微调', 'gpt', '4o'])
    expect(searchTerms('图')).toEqual(['图'])
    expect(searchTerms('ｆｕｌｌ width')).toEqual(['full', 'width'])
  })
})

describe('the search index', () => {
  const slide = (deck: string, no: number, title: string, text: string): SearchSlide => ({ id: `${deck}/${no}`, deck, deckTitle: deck, no, title, text })
  const slides = [
    slide('a', 1, '对齐', '基于人类反馈的强化学习（RLHF）让模型更有用。'),
    slide('a', 2, '微调', '在预训练模型上继续训练：全参数微调与 LoRA。'),
    slide('b', 3, 'Tuning', 'Fine-tuning adapts a pretrained model; the tuning set is small.'),
    slide('b', 4, '无关', '微观和调节不是一个词。'),
  ]
  const index = MiniSearch.loadJSON<SearchSlide>(searchIndex(slides), SEARCH_OPTIONS)
  const found = (q: string) => index.search(q, { combineWith: 'AND' }).map(r => r.id).sort()

  it('finds a Chinese term on its slides, without spaces, and not where its characters are apart', () => {
    expect(found('微调')).toEqual(['a/2'])
    expect(found('强化学习')).toEqual(['a/1'])
  })

  it('finds an English term whatever its case, in titles and text', () => {
    expect(found('rlhf')).toEqual(['a/1'])
    expect(found('LoRA')).toEqual(['a/2'])
    expect(found('tuning')).toEqual(['b/3'])
  })

  it('is data: what it stores is the text as written', () => {
    const json = searchIndex([slide('x', 1, '<script>alert(1)</script>', '{{ 7 * 7 }}')])
    const hit = MiniSearch.loadJSON<SearchSlide>(json, SEARCH_OPTIONS).search('script')[0]!
    expect(hit.title).toBe('<script>alert(1)</script>')
    expect(hit.text).toBe('{{ 7 * 7 }}')
  })
})

describe('the notes of a folder', () => {
  it('every Markdown file but hidden folders, node_modules, extra slides and the site itself; ids and groups from their path', async () => {
    const dir = tempDir()
    for (const f of ['2024/问题与思考/rlhf.md', '2024/a b.md', 'top.md', '.git/x.md', 'node_modules/p/readme.md', '2024/extra-slides.md', 'site/decks/y.md'])
      mkdirSync(join(dir, f, '..'), { recursive: true }), writeFileSync(join(dir, f), '# x\n')
    const notes = siteNotes(dir, await findNotes(dir, join(dir, 'site')))
    expect(notes.map(n => [n.source, n.id, n.group])).toEqual([
      ['2024/a b.md', '2024~a_b', '2024'],
      ['2024/问题与思考/rlhf.md', '2024~问题与思考~rlhf', '2024/问题与思考'],
      ['top.md', 'top', ''],
    ])
  })
})

describe('deck ids', () => {
  it('are unique even where two notes\' names differ only in characters a file name here cannot hold', () => {
    const ids = siteNotes('/n', ['/n/a b.md', '/n/a_b.md', '/n/c.md']).map(n => n.id)
    expect(new Set(ids).size).toBe(3)
    expect(ids[2]).toBe('c')
    expect(ids.slice(0, 2).every(id => /^a_b-[\da-f]{6}$/.test(id))).toBe(true)
  })
})

describe('the index page', () => {
  const deck = (over: Partial<SiteDeck>): SiteDeck => ({ id: 'd', group: '', source: 'd.md', title: 'D', date: '2025-01-01', lang: 'en', slides: 3, sections: [], files: {}, ...over })

  it('shows the notes\' text as text, groups the decks by folder, and names what could not be made', () => {
    const html = siteIndexHtml({ title: 'notes', lang: 'en', decks: [deck({ id: 'h', title: '<script>x()</script> {{ 7 * 7 }}', sections: ['<img onerror=x>'] }), deck({ id: 'b', group: '2024/问题', title: 'B' })], failed: [{ source: 'bad.md', message: 'bad.md:2:3: <b>no</b>' }] })
    expect(html).toContain('&lt;script&gt;x()&lt;/script&gt; {{ 7 * 7 }}')
    expect(html).toContain('<li>&lt;img onerror=x&gt;</li>')
    expect(html).not.toMatch(/<script>x|<img onerror|<b>no/)
    expect(html).toContain('<h2>2024 / 问题</h2>')
    expect(html.indexOf('>B</a>')).toBeGreaterThan(html.indexOf('<h2>2024 / 问题</h2>'))
    expect(html).toContain('<code>bad.md</code>: bad.md:2:3: &lt;b&gt;no&lt;/b&gt;')
    expect(html).not.toMatch(/<script>(?!<\/script>)[^<]/) // no inline script: the CSP allows the site's own files only
  })
})

describe('progress', () => {
  const sink = (tty: boolean) => {
    const out: string[] = []
    const stream = Object.assign(new Writable({ write(c, _e, cb) { out.push(String(c)); cb() } }), { isTTY: tty }) as unknown as NodeJS.WriteStream
    return { out, stream }
  }

  it('elsewhere than a terminal: a line per deck, and failures on the error stream', () => {
    const [o, e] = [sink(false), sink(false)]
    const p = progress(o.stream, e.stream, () => 0)
    p.start(2)
    p.begin('a.md')
    p.done('a.md', true)
    p.begin('b.md')
    p.failed('b.md', 'b.md:1:1: broken')
    p.end()
    expect(o.out.join('')).toBe('notedeck: site 1/2 a.md (up to date)\n')
    expect(e.out.join('')).toBe('notedeck: b.md:1:1: broken\n')
  })

  it('on a terminal: one line rewritten, with the time left at the pace so far', () => {
    const [o, e] = [sink(true), sink(false)]
    let now = 0
    const p = progress(o.stream, e.stream, () => now)
    p.start(3)
    p.begin('a.md')
    now = 60_000
    p.done('a.md', false)
    expect(o.out.at(-1)).toBe('\r\x1B[2Knotedeck: site 1/3, about 2:00 left')
    expect(o.out.join('')).not.toContain('\n')
  })
})
