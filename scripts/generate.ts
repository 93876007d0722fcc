/** The generate command: read -> parse -> model -> plan -> render -> write. I/O only here, at the edges. */
import { readFile } from 'node:fs/promises'
import { dirname, relative, resolve } from 'node:path'
import type { Root } from 'mdast'
import type { DeckConfig } from './config'
import { EMPTY_CONFIG, parseConfig } from './config'
import { NotedeckError } from './errors'
import { deckDirOf, imageUrls, resolveImages } from './images'
import { buildNotes } from './model'
import { parseMarkdown } from './parse'
import { type Plan, planDeck } from './plan'
import { readNotes } from './read'
import { renderDeck } from './render'
import type { Warning } from './types'
import { writeAtomic } from './write'

export interface DeckInput {
  text: string
  /** Name of the notes file as shown in messages and the generated header. */
  file: string
  config: DeckConfig
  images: ReadonlyMap<string, string | undefined>
  /** The parsed notes, when the caller has them already. */
  root?: Root
}

/** The pure core: notes text -> Slidev markdown. */
export function buildDeck(input: DeckInput): { markdown: string, plan: Plan } {
  const notes = buildNotes(input.root ?? parseMarkdown(input.text), input.file)
  const plan = planDeck({ notes, config: input.config, images: input.images })
  const markdown = renderDeck(plan, { source: input.file, images: input.images, ...(input.config.colorSchema ? { colorSchema: input.config.colorSchema } : {}) })
  return { markdown, plan }
}

export interface GenerateOptions {
  notes: string
  out: string
  /** Deck config path; default: deck.yaml beside the notes, if it exists. */
  config?: string
  offline: boolean
  imageTimeoutMs?: number
  /** Do not write; return what would be written. */
  dryRun?: boolean
}

export interface GenerateResult {
  out: string
  markdown: string
  plan: Plan
  warnings: Warning[]
  /** Display name of the notes file (relative to the working directory). */
  file: string
}

export async function loadConfig(notesPath: string, explicit?: string): Promise<DeckConfig> {
  const path = explicit ?? resolve(dirname(notesPath), 'deck.yaml')
  let source: string
  try {
    source = await readFile(path, 'utf8')
  }
  catch (e) {
    if (!explicit && (e as NodeJS.ErrnoException).code === 'ENOENT')
      return EMPTY_CONFIG
    throw new NotedeckError('CONFIG_INVALID', `cannot read the deck config (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { where: { file: relative(process.cwd(), path) } })
  }
  return parseConfig(source, relative(process.cwd(), path))
}

export async function generate(opts: GenerateOptions): Promise<GenerateResult> {
  const file = relative(process.cwd(), resolve(opts.notes)) || opts.notes
  const { text, warnings } = await readNotes(opts.notes)
  const config = await loadConfig(opts.notes, opts.config)
  const root = parseMarkdown(text)
  const found = imageUrls(root)
  const resolved = await resolveImages(found, {
    notesDir: dirname(resolve(opts.notes)),
    deckDir: deckDirOf(opts.out),
    offline: opts.offline,
    timeoutMs: opts.imageTimeoutMs ?? 3000,
  })
  const { markdown, plan } = buildDeck({ text, file, config, images: resolved.images, root })
  if (!opts.dryRun)
    await writeAtomic(opts.out, markdown)
  return { out: opts.out, markdown, plan, warnings: [...warnings, ...resolved.warnings, ...plan.warnings], file }
}
