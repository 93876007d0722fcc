/** The generate command: read -> parse -> model -> plan -> render -> write. I/O only here, at the edges. */
import { readFile } from 'node:fs/promises'
import { dirname, relative, resolve } from 'node:path'
import type { Root } from 'mdast'
import type { DeckConfig } from './notes/config'
import { EMPTY_CONFIG, mergeConfig, parseConfig } from './notes/config'
import { NotedeckError } from '../core/errors'
import { deckDirOf, imageUrls, resolveImages } from './notes/images'
import { buildNotes } from './notes/model'
import { brokenAnchors } from './notes/anchors'
import { configPathFor, extraSlidesFor, rehearsalFor } from '../core/paths'
import { type Rehearsal, parseRehearsal } from '../core/rehearsal'
import { frontmatterOf, parseMarkdown } from './notes/parse'
import { type Plan, planDeck } from './plan/plan'
import { readNotes } from './notes/read'
import { parseExtraSlides } from './notes/extra-slides'
import { renderDeck } from './render/render'
import { provenance, stamp } from './render/stamp'
import type { Correction, Deck, Warning } from './types'
import { deckOf, deckOrder, linkTargets } from './plan/deck-order'
import { writeAtomic } from '../core/write'

export interface DeckInput {
  text: string
  /** Name of the notes file as shown in messages and the generated header. */
  file: string
  /** Settings from the deck config file; the notes' frontmatter fills in the keys it does not set. */
  config: DeckConfig
  images: ReadonlyMap<string, string | undefined>
  /** The parsed notes, when the caller has them already. */
  root?: Root
  /** Hand-written slides (extra-slides.md next to the notes). */
  extras?: { source: string, file: string }
  /** What the browser measured of slides that did not fit: planned again from those sizes (the export's feedback pass). */
  corrections?: Correction[]
  /** The notes' last rehearsal (`<notes>.rehearsal.json`): the budgets follow the speaker's pace. */
  rehearsal?: Rehearsal
}

/**
 * What generation makes: the slides file's text, the plan, the deck in order as later stages need
 * it, and the same slides in another colour schema (the dark variant is rendered, not patched).
 */
export interface Built {
  markdown: string
  plan: Plan
  deck: Deck
  /** The colour schema the notes or their deck config ask for, if any (else the slides are light). */
  colorSchema?: ColorSchema
  variant: (schema: ColorSchema) => string
}

type ColorSchema = NonNullable<DeckConfig['colorSchema']>

/** The pure core: notes text -> Slidev markdown. */
export function buildDeck(input: DeckInput): Built {
  const root = input.root ?? parseMarkdown(input.text)
  const notes = buildNotes(root, input.file)
  // Settings in the notes' frontmatter, with the deck config file over them key by key.
  const front = frontmatterOf(root)
  const config = front ? mergeConfig(parseConfig(front.source, { file: input.file, line: front.line, lenient: true }), input.config) : input.config
  const planned = planDeck({ notes, config, images: input.images, ...(input.corrections ? { corrections: input.corrections } : {}), ...(input.rehearsal ? { rehearsal: input.rehearsal } : {}) })
  const plan = { ...planned, warnings: [...planned.warnings, ...brokenAnchors(root, notes.anchors, notes.toc)] }
  const order = deckOrder(plan.slides, input.extras ? parseExtraSlides(input.extras.source, input.extras.file) : [], input.extras?.file ?? '')
  const render = (colorSchema: DeckConfig['colorSchema']) => stamp(renderDeck(plan, order, { source: input.file, images: input.images, links: linkTargets(order, notes.anchors), ...(colorSchema ? { colorSchema } : {}) }))
  return { markdown: render(config.colorSchema), plan, deck: deckOf(plan, order), ...(config.colorSchema ? { colorSchema: config.colorSchema } : {}), variant: render }
}

export interface GenerateOptions {
  notes: string
  out: string
  /** Deck config path; default: deck.yaml beside the notes, if it exists. */
  config?: string
  offline: boolean
  imageTimeoutMs?: number
  /** Do not write; fail when the file on disk is not what would be written (`generate --check`). */
  check?: boolean
  /** Overwrite a slides file that was edited by hand (a backup is kept as <out>.bak). */
  force?: boolean
  /** The talk's length in seconds (`dev --duration`), over the notes' and the deck config's `duration`. */
  duration?: number
}

export interface GenerateResult {
  out: string
  markdown: string
  plan: Plan
  deck: Deck
  /** The colour schema the notes or their deck config ask for, if any (else the slides are light). */
  colorSchema?: ColorSchema
  /** The slides file's text in a colour schema of its own (`--dark`; the site's decks follow the viewer's). */
  variant: (schema: ColorSchema) => string
  warnings: Warning[]
  /** Display name of the notes file (relative to the working directory). */
  file: string
  /** The same deck planned again with what the browser measured (the export's feedback pass): nothing is read or written. */
  replan: (corrections: Correction[]) => Built
  /**
   * Every file generation read or looked for (absolute, sorted): the notes, the deck config, the
   * extra slides, local images and cached copies of remote ones. What a cache keys on and what
   * `dev` watches: a file that is missing now counts too, so that creating it is a change.
   */
  reads: string[]
}

/** The deck config file (deck.yaml beside the notes, or the one named), or no settings. */
export async function loadConfig(notesPath: string, explicit?: string): Promise<DeckConfig> {
  const path = configPathFor(notesPath, explicit)
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
  const config = { ...await loadConfig(opts.notes, opts.config), ...(opts.duration ? { duration: opts.duration } : {}) }
  const root = parseMarkdown(text)
  const found = imageUrls(root)
  const resolved = await resolveImages(found, {
    notesDir: dirname(resolve(opts.notes)),
    deckDir: deckDirOf(opts.out),
    offline: opts.offline,
    timeoutMs: opts.imageTimeoutMs ?? 3000,
  })
  const extrasPath = extraSlidesFor(opts.notes)
  const extrasSource = await readFile(extrasPath, 'utf8').catch(() => undefined)
  const extras = extrasSource === undefined ? {} : { extras: { source: extrasSource, file: relative(process.cwd(), extrasPath) } }
  // A rehearsal is read when the deck is generated (an input of the export cache), not watched by
  // dev (watch.ts): a run-through being recorded must not re-plan the deck under the speaker's eyes.
  const rehearsalPath = rehearsalFor(opts.notes)
  const rehearsalText = await readFile(rehearsalPath, 'utf8').catch(() => undefined)
  const rehearsal = rehearsalText === undefined ? {} : { rehearsal: parseRehearsal(rehearsalText, relative(process.cwd(), rehearsalPath)) }
  const input: DeckInput = { text, file, config, images: resolved.images, root, ...extras, ...rehearsal }
  const { markdown, plan, deck, colorSchema, variant } = buildDeck(input)
  const current = await readFile(opts.out, 'utf8').catch(() => undefined)
  const shown = relative(process.cwd(), opts.out) || opts.out
  if (opts.check) {
    if (current !== markdown) {
      throw new NotedeckError('STALE', current === undefined ? 'does not exist yet' : `is not what ${file} and the deck config produce now`, {
        where: { file: shown },
        hint: 'run `npm run generate` and commit the result',
      })
    }
  }
  else if (current !== markdown) {
    const origin = current === undefined ? undefined : provenance(current)
    if (origin && origin !== 'generated') {
      if (!opts.force) {
        throw new NotedeckError('HAND_EDITED', origin === 'edited' ? 'was edited by hand since notedeck wrote it; not overwriting it' : 'was not written by notedeck; not overwriting it', {
          where: { file: shown },
          hint: 'keep hand-written slides in a file of your own, or run again with --force (the current file is kept as a .bak)',
        })
      }
      await writeAtomic(`${opts.out}.bak`, current!)
    }
    await writeAtomic(opts.out, markdown)
  }
  const reads = [...new Set([resolve(opts.notes), resolve(configPathFor(opts.notes, opts.config)), resolve(extrasPath), rehearsalPath, ...resolved.reads.map(r => resolve(r))])].sort()
  return { out: opts.out, markdown, plan, deck, ...(colorSchema ? { colorSchema } : {}), variant, replan: corrections => buildDeck({ ...input, corrections }), warnings: [...warnings, ...resolved.warnings, ...plan.warnings], file, reads }
}
