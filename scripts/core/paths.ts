/** Where things are: the project root (this package), the default notes and outputs. */
import { createHash, randomBytes } from 'node:crypto'
import { basename, dirname, extname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Set by the bundler (scripts/run.mjs): where the project is, seen from the bundle. */
declare const __NOTEDECK_ROOT__: string | undefined

export const ROOT = resolve(fileURLToPath(new URL(typeof __NOTEDECK_ROOT__ === 'string' ? __NOTEDECK_ROOT__ : '../..', import.meta.url)))
export const DEFAULT_NOTES = join(ROOT, 'data', 'notes.md')
export const DEFAULT_SLIDES = join(ROOT, 'slides.md')

/** A script that runs inside the browser (`scripts/page/`), read as text to be evaluated in a page. */
export const pageScript = (name: string) => join(ROOT, 'scripts', 'page', name)

/** A short hash of a notes file's full path: what tells apart notes of the same name in different folders. */
const pathHash = (notes: string) => createHash('sha256').update(resolve(notes)).digest('hex').slice(0, 8)

/**
 * The slides file that `dev` and `export` generate. The default notes use the committed slides.md;
 * other notes get their own file in the project root (Slidev takes styles, setup and components
 * from the folder of the slides), so exporting them never overwrites slides.md. Its name holds the
 * notes' name and a hash of where they are: `2024/notes.md` and `2025/notes.md` (notes kept in
 * folders by year or topic) never share one, even with a `dev` of each running at once.
 */
export function slidesFor(notes: string): string {
  if (resolve(notes) === DEFAULT_NOTES)
    return DEFAULT_SLIDES
  return join(ROOT, `.notedeck-${stemOf(notes, asciiName)}-${pathHash(notes)}.slides.md`)
}

/**
 * A slides file of this process's own beside the deck `slides` (Slidev takes styles, setup and
 * components from the folder of the slides): `.notedeck-<purpose>-<pid>-<hex>.slides.md`, the pid
 * telling whose it is (the tests find one a dead process left behind).
 */
export const scratchSlidesBeside = (slides: string, purpose: string): string =>
  join(dirname(resolve(slides)), `.notedeck-${purpose}-${process.pid}-${randomBytes(3).toString('hex')}.slides.md`)

/** A name safe in a file name: letters and digits of every script kept (操作系统 stays 操作系统), anything else one `_`. */
const safeName = (name: string) => name.replace(/[^\p{L}\p{M}\p{N}_.-]+/gu, '_')

/** The same in ASCII only, for the slides file Slidev's server serves by its path. */
const asciiName = (name: string) => name.replace(/[^\w.-]+/g, '_')

/** The notes file's name without its extension, safe in a file name. */
const stemOf = (notes: string, safe = safeName) => safe(basename(notes, extname(notes))) || 'notes'

/**
 * What the outputs of these notes are called by default: `slides` (dist/slides.pdf …) for the
 * default notes, the notes' own name for others (dist/lecture-3.pdf …), so that exports of
 * different notes never replace each other's.
 */
export const outputNameFor = (notes: string) => resolve(notes) === DEFAULT_NOTES ? 'slides' : stemOf(notes)

/**
 * The default output names of several notes exported in one command, each `outputNameFor` it
 * unless two different notes files would share one (`2024/notes.md`, `2025/notes.md`): those take
 * their folders' names in front, as many as tell them apart (`2024-notes`, `2025-notes`), else a
 * hash of their path. The same file given twice keeps one name; the default notes keep `slides`.
 */
export function outputNamesFor(notesFiles: string[]): string[] {
  const paths = notesFiles.map(n => resolve(n))
  const names = paths.map(outputNameFor)
  // The default notes keep dist/slides.* whatever else is exported with them.
  const clashing = () => names.flatMap((name, i) => paths[i] !== DEFAULT_NOTES && paths.some((p, j) => names[j] === name && p !== paths[i]) ? [i] : [])
  for (let depth = 1; clashing().length; depth++) {
    for (const i of clashing()) {
      const folders = dirname(paths[i]!).split(/[\\/]/).filter(Boolean)
      names[i] = depth <= folders.length
        ? [...folders.slice(-depth).map(safeName), stemOf(paths[i]!)].join('-')
        : `${stemOf(paths[i]!)}-${pathHash(paths[i]!)}`
    }
  }
  return names
}

/** The formats an export makes: pptx is editable (native text and shapes), pptx-image one picture per slide. */
export type ExportFormat = 'pdf' | 'pptx' | 'pptx-image' | 'png'

/** Where an export goes by default: dist/slides.pdf, dist/slides-dark.pptx, dist/slides-image.pptx, dist/slides-png/ … (`name`: `outputNameFor` the notes). */
export function defaultOutput(root: string, format: ExportFormat, dark: boolean, name = 'slides'): string {
  const stem = `${name}${dark ? '-dark' : ''}`
  return join(root, 'dist', format === 'png' ? `${stem}-png` : format === 'pptx-image' ? `${stem}-image.pptx` : `${stem}.${format}`)
}

/** The handout: dist/handout.pdf for the default notes, dist/<name>-handout.pdf for others; -dark before .pdf. */
export const defaultHandoutPath = (root: string, dark: boolean, name = 'slides') => join(root, 'dist', `${name === 'slides' ? 'handout' : `${name}-handout`}${dark ? '-dark' : ''}.pdf`)

/** The static site of one deck (`build`): dist/slides-site/ for the default notes, dist/<name>-site/ for others. */
export const defaultBuildPath = (root: string, name = 'slides') => join(root, 'dist', `${name}-site`)

/** The site of a whole notes folder (`site`). */
export const defaultSitePath = (root: string) => join(root, 'dist', 'site')

/**
 * Written by `npm run dev` while it runs, one per slides file (several `dev` may run at once): its
 * port, so that `export` of the same notes can print from its server.
 */
export const devAnnouncementFor = (slides: string) => join(dirname(resolve(slides)), `.notedeck-dev.${basename(slides)}.json`)

/** The notes' error that `dev` shows over its deck while the notes do not parse, one per slides file. */
export const devErrorsFor = (slides: string) => join(dirname(resolve(slides)), `.notedeck-dev-error.${basename(slides)}.txt`)

/** How long each slide took in the last rehearsal of some notes (`dev --rehearse`), beside them: `talk.md` -> `talk.rehearsal.json`. */
export const rehearsalFor = (notes: string) => join(dirname(resolve(notes)), `${basename(notes).replace(/\.md$/i, '')}.rehearsal.json`)

/** The deck config of some notes: the one given, else deck.yaml beside the notes. */
export const configPathFor = (notes: string, explicit?: string) => explicit ?? resolve(dirname(notes), 'deck.yaml')

/** Hand-written slides beside the notes. */
export const extraSlidesFor = (notes: string) => resolve(dirname(notes), 'extra-slides.md')
