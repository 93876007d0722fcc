import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import type { DeckConfig } from '../scripts/pipeline/notes/config'
import { EMPTY_CONFIG, parseConfig } from '../scripts/pipeline/notes/config'
import { buildDeck } from '../scripts/pipeline/generate'
import { imageUrls, resolveImages } from '../scripts/pipeline/notes/images'
import { parseMarkdown } from '../scripts/pipeline/notes/parse'
import { slidevSlides } from '../scripts/slidev/slidev-slides'
import { titleOf } from '../scripts/pipeline/notes/slide-title'
import type { Deck } from '../scripts/pipeline/types'
import { ROOT } from '../scripts/core/paths'
import { isAlive } from '../scripts/core/output-lock'

export const NOTES = join(ROOT, 'data', 'notes.md')
export const CONFIG = join(ROOT, 'data', 'deck.yaml')
export const FIXTURES = join(ROOT, 'test', 'fixtures')
/**
 * The command line as `npm run <command>` runs it: `node` with these arguments. The prebuilt bundle
 * (scripts/run.mjs rebuilds it whenever a source changed), so the tests run what users run, without
 * a TypeScript compile per spawn.
 */
export const CLI = [join(ROOT, 'scripts', 'run.mjs')]

export const readText = (p: string) => readFileSync(p, 'utf8')
export const defaultConfig = (): DeckConfig => parseConfig(readText(CONFIG), 'data/deck.yaml')
export const tempDir = () => mkdtempSync(join(tmpdir(), 'notedeck-'))

/** Generates in memory, as `npm run generate --offline` would: images resolved without the network. */
export async function deckFrom(text: string, file: string, config: DeckConfig = EMPTY_CONFIG, notesDir = dirname(file), deckDir = ROOT) {
  const root = parseMarkdown(text)
  const { images } = await resolveImages(imageUrls(root), { notesDir, deckDir, offline: true, timeoutMs: 1 })
  return buildDeck({ text, file, config, images, root })
}

export const defaultDeck = () => deckFrom(readText(NOTES), 'data/notes.md', defaultConfig(), dirname(NOTES))

/** The Mermaid blocks of a generated slides.md. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/(`{3,})mermaid\n([\s\S]*?)\n\1/g)].map(m => m[2]!)
}

export const stem = (p: string) => basename(p, '.md')

/**
 * Runs in the page: true when every character of `text` is covered by a loaded face of `family`
 * (by its unicode-range). Unlike `document.fonts.check`, which answers true for a family that does
 * not exist at all (csswg-drafts#6801), this fails when the font is not there.
 */
export function fontCovers([family, text]: [string, string]): boolean {
  const faces = [...document.fonts].filter(f => f.family.replace(/["']/g, '') === family && f.status === 'loaded')
  const covers = (range: string, cp: number) => range.split(',').some((part) => {
    const m = /U\+([0-9a-f?]+)(?:-([0-9a-f]+))?/i.exec(part.trim())
    return m ? cp >= Number.parseInt(m[1]!.replace(/\?/g, '0'), 16) && cp <= Number.parseInt((m[2] ?? m[1]!).replace(/\?/g, 'f'), 16) : false
  })
  return [...text].every(ch => faces.some(f => covers(f.unicodeRange, ch.codePointAt(0)!)))
}

/** The titles a slides file's slides show, read back as Slidev reads the file (independent of the Deck generation made). */
export function shownTitles(markdown: string): Array<string | undefined> {
  return slidevSlides(markdown).slides.map(s => titleOf(s.content))
}

/** A Deck for a slides file a test writes by hand (no notes behind it): each slide's title, and `notesLine` where its frontmatter sets one. */
export function deckOfSlidesFile(markdown: string): Deck {
  return {
    title: 'test',
    lang: 'en',
    slides: slidevSlides(markdown).slides.map((s, i) => {
      const line = s.frontmatter.notesLine
      return { no: i + 1, title: titleOf(s.content) ?? '', layout: 'extra' as const, notes: '', ...(typeof line === 'number' ? { line } : {}) }
    }),
  }
}

/**
 * The scratch slides files (`.notedeck-export-<pid>-…`) in the project folder of processes that
 * have ended: none may stay behind. Each named with when it was written and the deck it holds, so a
 * failure says which run left it.
 */
export function scratchLeftBehind(): string[] {
  return readdirSync(ROOT).filter(f => /^\.notedeck-export-\d+-/.test(f) && !isAlive(Number(/-(\d+)-/.exec(f)![1]))).map((f) => {
    const file = join(ROOT, f)
    const title = /^title:\s*(.*)$/m.exec(readFileSync(file, 'utf8'))?.[1] ?? '?'
    return `${f} (written ${statSync(file).mtime.toISOString()}, deck "${title}")`
  })
}
