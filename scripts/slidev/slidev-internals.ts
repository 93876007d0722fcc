/**
 * The parts of Slidev that are not its public API but that notedeck relies on, all in one place:
 * the global its client sets, the classes and ids of its pages, the sign of a slide that failed,
 * the headmatter key of the colour schema. `test/slidev-contract.test.ts` checks every one against
 * the installed Slidev (pinned in package.json), so an upgrade that moves one fails with a message
 * naming it. Values only: in-page code receives them as arguments.
 */

/** The Slidev version these were read from; package.json pins @slidev/cli to it. */
export const SLIDEV_VERSION = '52.20.1'

export const SLIDEV = {
  /** `window.__slidev__.nav`: go to a slide, and the slides' sources (`nav.slides[i].meta.slide.content`). */
  global: '__slidev__',
  /** The element of slide N: `.slidev-page-N` (client/utils.ts). */
  pageClassPrefix: 'slidev-page-',
  /** A slide's layout root (client/layouts/*.vue). */
  layout: '.slidev-layout',
  /** What a slide that failed to compile shows instead of its layout (client/layouts/error.vue). */
  failed: '.text-red-700',
  /** A slide still loading (client/internals/SlideLoading.vue). */
  loading: '.slidev-slide-loading',
  /** The in-browser exporter's page and its slides, one per printed page (client/pages/export.vue, internals/PrintSlideClick.vue). */
  exportPath: '/export',
  exportContent: '#export-content',
  printContainer: '.print-slide-container',
  /** The print route of a server in export mode, one slide per printed page (client/pages/print.vue). */
  printPath: '/print',
  /** A dev server's data of slide N, as it last read its file: `GET /__slidev/slides/N.json` (node/vite/loaders.ts). */
  slideDataPath: '/__slidev/slides/',
} as const

export type SlidevInternals = typeof SLIDEV

/** A page that shows every slide for printing: where it is, and the selector of its slides. */
export interface PrintPage {
  path: string
  slides: string
  /** The page reports the slides' sources on the client global (dev servers only: `__DEV__`). */
  sources: boolean
  /** The CSS media to print it in: the exporter page hides its controls for print; Slidev's own exporter prints the print route as a screen. */
  media: 'print' | 'screen'
}

/** A dev server's in-browser exporter (`npm run dev` runs one; it has no print route). */
export const EXPORTER_PAGE: PrintPage = { path: SLIDEV.exportPath, slides: `${SLIDEV.exportContent} ${SLIDEV.printContainer}`, sources: true, media: 'print' }
/** The print route of notedeck's own export server (Slidev's exporter prints this one too). */
export const PRINT_PAGE: PrintPage = { path: `${SLIDEV.printPath}?print=true`, slides: SLIDEV.printContainer, sources: false, media: 'screen' }

/** The selector of slide `n`'s element. */
export const slideSelector = (n: number) => `.${SLIDEV.pageClassPrefix}${n}`


/** Slidev's dev server announces its address; the port is found in its output, colours stripped. */
export function announcesPort(output: string, port: number): boolean {
  return output.replace(/\u001B\[[0-9;]*m/g, '').includes(`:${port}`)
}

/** What Slidev's editable PowerPoint exporter reports about one file (`exportPptxEditable`'s result). */
export interface EditableReport {
  slideCount: number
  /** Slides drawn as one picture, and why. */
  fallbackSlides: Array<{ no: number, reason: string }>
  imagesDropped: number
  isolationMissed: number
  rastersFailed: number
  unparsedColors: string[]
  unplaceablePseudos: string[]
  /** The font families the file names. */
  fontsNamed: string[]
}

/** Slidev's editable PowerPoint exporter (node/commands/pptx), an internal chunk of @slidev/cli's build. */
export interface EditableExporter {
  exportPptxEditable: (ctx: {
    page: unknown
    slides: unknown[]
    width: number
    height: number
    pages: number[]
    go: (route: string) => Promise<void>
  }, output: string) => Promise<EditableReport & { output: string }>
}

/** The chunk of @slidev/cli's `dist/` that holds the editable exporter (its name carries a hash). */
export const EDITABLE_CHUNK = /^pptx-[\w-]+\.mjs$/
/** The route it asks for: everything it measures must already be on the page shown. */
export const EDITABLE_ROUTE = 'print'

/**
 * The packages the project's own page code (setup/, components/ and what they import) may import:
 * ones Slidev keeps out of Vite's dependency optimizer (`EXCLUDE_GLOBAL` in @slidev/cli's
 * `dist/serve-*.mjs`), so Vite serves them at once. Any other package is found by Vite only when a
 * page first asks for it: on a cold cache it then optimizes it and reloads every open page, in the
 * middle of an export's drawing or printing.
 */
export const PAGE_PACKAGES = ['vue', 'vue-router', 'mermaid', '@slidev/types', '@slidev/client'] as const
/**
 * The headmatter fields on whose change Slidev's own `dev` starts its server again
 * (`CONFIG_RESTART_FIELDS` in @slidev/cli's `dist/cli.mjs`); any other field (the talk's
 * `duration`, the first slide's own frontmatter) a running server takes from the rewritten file.
 */
export const RESTART_FIELDS = ['monaco', 'routerMode', 'fonts', 'css', 'mdc', 'editor', 'theme', 'seoMeta'] as const
/** Where @slidev/cli names them (to check RESTART_FIELDS against). */
export const RESTART_FIELDS_SOURCE = /const CONFIG_RESTART_FIELDS = (\[[^\]]*\])/
/** Where @slidev/cli names the packages of its optimizer (to check PAGE_PACKAGES against). */
export const OPTIMIZER_EXCLUDE = /const EXCLUDE_GLOBAL = (\[[^\]]*\])/
