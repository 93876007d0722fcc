/**
 * The typed notes model and the slide plan: the data that flows between the pure stages
 * parse -> model -> plan -> render. Every model node keeps its source position.
 */
import type { Rehearsal } from '../core/rehearsal'
import type { BlockContent, List, Paragraph, PhrasingContent, Table } from 'mdast'
import type { DeckConfig } from './notes/config'

export interface Point { line: number, column: number }
export interface Span { start: Point, end: Point }

/** The notes as the generator understands them. */
export interface Notes {
  /** Display name of the notes file, used in messages. */
  file: string
  /** Text of a single leading H1 that titles the whole notes, if there is one. */
  title?: string
  /** Content before the first section heading. */
  intro: Block[]
  sections: Section[]
  /** Heading anchors (`#moe架构`) -> the heading's notes line, for in-page links. */
  anchors: ReadonlyMap<string, number>
  /** Where the notes' own table of contents was (left out: the deck has its agenda). */
  toc: Span[]
}

export interface Section {
  title: string
  depth: number
  span: Span
  /** How much taller than estimated the browser drew it (a correction of the feedback pass: corrections.ts). */
  grow?: number
  /** A blockquote directly under the heading: the heading is a term, the quote its definition. */
  definition?: Definition
  blocks: Block[]
  children: Section[]
}

export interface Definition {
  content: BlockContent[]
  span: Span
}

/** One period of a history: `name (start-end) description`; a dated event (`1994: …`) has its date as name and start, and no end. */
export interface Period {
  name: string
  start: string
  end: string
  description: string
  span: Span
}

/** A list item that leads with a term: `**term** text`, `term: text`, or `English term 中文说明`. */
export interface TermItem {
  term: string
  description: PhrasingContent[]
  span: Span
}

export interface LinkItem {
  text: string
  url: string
  span: Span
}

export interface ImageRef {
  url: string
  alt: string
  width?: number
  span: Span
}

export type Block = BlockKind & {
  /** How much taller than estimated the browser drew it (a correction of the feedback pass: corrections.ts). */
  grow?: number
}

type BlockKind =
  | { kind: 'paragraph', node: Paragraph, span: Span }
  /** `columns`: a long list of short items set in two columns (a layout decision of fit.ts). */
  | { kind: 'list', node: List, span: Span, columns?: 2 }
  | { kind: 'timeline', periods: Period[], span: Span }
  | { kind: 'terms', items: TermItem[], span: Span, node: List }
  | { kind: 'links', links: LinkItem[], span: Span, node: List }
  /** `fontPx` (and `wrap` for code) are layout decisions of the planner (fit.ts), absent in the model. */
  | { kind: 'table', node: Table, span: Span, fontPx?: number }
  /** `drawing`: box-drawing or ASCII art, never split, set with a tighter line height (code-shape.ts). */
  /** `room`: for the notes' own Mermaid diagram, the height the planner left it on its slide. */
  | { kind: 'code', lang: string | undefined, value: string, span: Span, fontPx?: number, wrap?: boolean, drawing?: boolean, room?: number }
  | { kind: 'image', image: ImageRef }
  | { kind: 'quote', content: BlockContent[], span: Span }

/** A paragraph that introduces what follows it (`…as follows:`): shown on the slide of what it introduces. */
export type LeadIn = Extract<Block, { kind: 'paragraph' }>

/** What the planner decides for one slide; the renderer turns it into Slidev markdown. */
export type SlideBody =
  | { kind: 'cover', title: string, subtitle?: string, author?: string, date?: string }
  /** Numbered tiles (the agenda, an ordered short list) or plain ones (a short list alone on a slide). */
  | { kind: 'agenda', items: string[], numbered: boolean, layout: AgendaLayout, fill?: Fill, /** The first entry's number, on a continuation. */ start?: number }
  | { kind: 'divider', subtitle?: string[] }
  /** `lead`: the lead-in paragraph (`…as follows:`) that introduces the cards, above them. */
  | { kind: 'cards', cards: Card[], columns: Columns, fill?: Fill, lead?: LeadIn }
  /** `large`: a short definition alone on its slide, set in a larger type. */
  | { kind: 'content', blocks: Block[], large?: boolean, fill?: Fill }
  /** `room`: the height the diagram may take, px, when less than DIAGRAM_MAX_PX (a lead-in above it). */
  | { kind: 'diagram', diagram: Diagram, lead?: LeadIn, room?: number }
  /** `tiles`: few enough links to set as tiles; else a list. */
  | { kind: 'links', links: LinkItem[], tiles: boolean, fill?: Fill, lead?: LeadIn }

/** Where an in-page link of the notes (`#anchor`) leads: the notes line of its heading and the number of the slide that shows it. */
export type LinkTarget = (url: string) => { line: number, slide: number } | undefined

/** How an agenda's entries are laid out (plan/plan-agenda.ts). */
export type AgendaLayout = { kind: 'tiles', columns: number } | { kind: 'list', columns: 1 | 2 }

export interface FlowNodes { start?: string, steps: string[], end?: string }
export interface TreeNode { label: string, children: TreeNode[] }

/**
 * A diagram derived from the notes, as the planner decided it (plan/diagram-plan.ts): what it shows,
 * its direction and how wide its labels are wrapped, in display units (a CJK character is 2). The
 * renderer writes it as Mermaid text and a text alternative, and decides nothing.
 */
export type Diagram =
  | { kind: 'timeline', periods: Period[], wrap: { name: number, text: number } }
  | { kind: 'flow', nodes: FlowNodes, direction: 'TB' | 'LR', wrap: number }
  /** `wrap`: the root and groups (and terms stacked left to right); `leafWrap`: terms side by side. */
  | { kind: 'tree', root: TreeNode, direction: 'TB' | 'LR', wrap: number, leafWrap: number }

export type Columns = 1 | 2 | 3 | 4

/**
 * How a slide with little content fills the canvas: everything under the title is set `scale` times
 * larger (CSS zoom), and, when it is still short, centred in the space under the title.
 */
export interface Fill {
  scale: number
  center: boolean
}

export interface Card {
  /** The number of a step in a numbered sequence as written (`1`, `Step 1`, `第一步`), shown as a badge before the term. */
  step?: string
  /** The heading as written in the notes, when the card shows it as a step number and a term (for the speaker notes). */
  heading?: string
  term: string
  content: BlockContent[]
  /** True when the card shows only the lead of a longer text (the rest is in the notes). */
  abridged: boolean
  /** How much taller than estimated the browser drew it (corrections.ts). */
  grow?: number
}

export interface Slide {
  title: string
  /** The parent section's title, shown small above the slide title. */
  kicker?: string
  /** Outline level for the PDF bookmarks and Slidev's table of contents. */
  level: 1 | 2
  /** `2/3` style marker when one section continues over several slides. */
  part?: { index: number, count: number }
  body: SlideBody
  /** Speaker notes as Markdown-safe plain text paragraphs. */
  notes: string[]
  /** Where in the notes this slide comes from. */
  source?: Span
  /** The planner's estimate of the height of the content under the title, in px (compared with the browser by the check). */
  height?: number
  /** Notes lines of the headings this slide shows: in-page `#anchor` links to them lead here. */
  anchors?: number[]
  /** Seconds of the talk the speaker has for it (plan/timing.ts). */
  budget?: number
}

/**
 * The deck as every stage after generation knows it (export and its proof, outline, PowerPoint,
 * handout, check): made once by generate() from the plan and the hand-written extra slides, so that
 * nothing reads the slides file back to learn what was planned.
 */
export interface Deck {
  title: string
  /** The page's language tag (`<html lang>`, the PDF's /Lang): `zh-CN`, `en`. */
  lang: string
  author?: string
  /** The cover's subtitle: the document's subject. */
  subtitle?: string
  /** The cover's date, as the notes give it. */
  date?: string
  slides: DeckSlide[]
}

/** One slide of the deck in order. */
export interface DeckSlide {
  /** 1-based, as Slidev numbers it (hand-written extra slides counted). */
  no: number
  /** The title the slide shows (a hand-written slide's first heading); '' when it shows none. */
  title: string
  /** Of a slide continued over several: which one it is. */
  part?: { index: number, count: number }
  /** Outline depth: 1 a section, 2 within one; none for a hand-written slide that sets no `level`. */
  level?: number
  /** What the planner made of it (SlideBody's kind), or `extra` for a hand-written slide. */
  layout: SlideBody['kind'] | 'extra'
  /** Speaker notes, Markdown as the slides file holds them (speaker-notes-text.ts). */
  notes: string
  /** What the slide says, as plain text (its notes hold all of it): what the site's search finds. */
  text?: string
  /** Seconds of the talk planned for it. */
  budget?: number
  /** Notes line it starts at, and the lines it shows. */
  line?: number
  lines?: [number, number]
  /** The planner's estimate of its content's height, px. */
  height?: number
  /** Index in the plan's slides; none for a hand-written extra slide. */
  plan?: number
  extra?: boolean
}

export interface Warning {
  message: string
  /** Where in the notes. */
  span?: Span
  /** Where in another file (the deck config), when the warning is not about the notes. */
  where?: { file: string, line?: number, column?: number }
}

/** The languages of the few words notedeck adds to a deck (i18n.ts). */
export type Lang = 'zh' | 'en'

/** The few words notedeck adds to a deck, in one language. */
export interface Strings {
  agenda: string
  continued: string
  references: string
  overview: string
  imageMissing: (url: string) => string
  abridged: string
  imageOmitted: string
}

/**
 * What the browser measured of a slide that did not fit (the export's feedback pass): the notes
 * lines it showed, and how much taller its content is than the planner estimated.
 */
export interface Correction {
  lines: [number, number]
  grow: number
}

/** What the planner takes: the notes, the deck settings, and where each image can be shown from. */
export interface PlanInput {
  notes: Notes
  config: DeckConfig
  /** Image URL as written in the notes -> URL to use on the slide, or undefined when it cannot be shown. */
  images: ReadonlyMap<string, string | undefined>
  /** Measured in the browser: content to plan as this much taller (the export's one feedback pass). */
  corrections?: Correction[]
  /** The last rehearsal of these notes (`dev --rehearse`): budgets at the speaker's own pace. */
  rehearsal?: Rehearsal
}

/** What the planner gives: the slides, and the warnings it has about the notes. */
export interface Plan {
  title: string
  lang: Lang
  slides: Slide[]
  /** The talk's length, seconds: the notes' `duration`, else the time their slides take (every slide's budget). */
  talk: number
  warnings: Warning[]
}

/** What the planner's parts share while planning (plan-*.ts). */
export interface PlanContext extends PlanInput {
  lang: Lang
  strings: Strings
  warnings: Warning[]
}
