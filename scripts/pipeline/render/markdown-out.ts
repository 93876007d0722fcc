/**
 * mdast content from the notes -> Markdown for a slide body. Raw HTML becomes literal text,
 * script-capable URLs lose their link, images point at their local copy or are left out.
 * The caller wraps the result in a `v-pre` element so Vue never reads `{{ }}` in it. Pure.
 */
import type { BlockContent, Parents, PhrasingContent, Root, RootContent, Text } from 'mdast'
import { gfmToMarkdown } from 'mdast-util-gfm'
import { defaultHandlers, toMarkdown } from 'mdast-util-to-markdown'
import { escapeHtml } from '../speaker-notes-text'

export type ImageMap = ReadonlyMap<string, string | undefined>

/** Where in-page links lead: the link's `#anchor` -> the element id and slide number of its heading. */
export type LinkMap = (url: string) => { id: string, slide: number } | undefined

/** What content refers to outside itself: images by URL, in-page links by anchor. */
export interface Refs {
  images: ImageMap
  links: LinkMap
}

function clean(node: RootContent, refs: Refs): RootContent[] {
  const { images } = refs
  switch (node.type) {
    case 'html':
      // The one tag taken as markup inside text: a line break. All other HTML shows as typed.
      return /^<br\s*\/?>$/i.test(node.value.trim()) ? [{ type: 'break' }] : [{ type: 'text', value: node.value }]
    case 'image': {
      const local = images.get(node.url)
      return local ? [{ ...node, url: local }] : []
    }
    case 'link': {
      const children = cleanChildren(node, refs).children as RootContent[]
      if (node.url.startsWith('#')) {
        // An in-page link leads to the slide of its heading: by id in the PDF, by slide number in the browser (setup/main.ts).
        const to = refs.links(node.url)
        return to ? [{ type: 'html', value: `<a href="#${to.id}" data-nd-slide="${to.slide}">` }, ...children, { type: 'html', value: '</a>' }] : children
      }
      if (!isSafeUrl(node.url))
        return children
      return [{ ...node, children } as RootContent]
    }
    case 'code':
      return [{ ...node, lang: node.lang && /^[\w+#-]{1,30}$/.test(node.lang) ? node.lang : null, meta: null }]
    case 'thematicBreak':
    case 'definition':
    case 'footnoteDefinition':
      return []
    default:
      return 'children' in node ? [cleanChildren(node, refs) as RootContent] : [node]
  }
}

function cleanChildren<T extends Parents>(node: T, refs: Refs): T {
  const children = (node.children as RootContent[]).flatMap(c => clean(c, refs))
  return { ...node, children } as T
}

/**
 * Characters that Slidev's Markdown reads as more than text, escaped wherever they occur in text:
 * `<` (HTML, and `<<<` which imports a file), `$` (KaTeX), `:` at a line start (`::slot::`),
 * `---` at a line start (a slide separator to Slidev, even before text).
 */
const SLIDEV_UNSAFE = [
  { character: '<' },
  { character: '$' },
  { character: ':', atBreak: true },
  // Slidev starts a new slide at any line that begins with `---`, text or not.
  { character: '-', atBreak: true, after: '--' },
]

export function toSlideMarkdown(content: Array<BlockContent | PhrasingContent>, refs: Refs): string {
  const root: Root = { type: 'root', children: content.flatMap(c => clean(c as RootContent, refs)) }
  return toMarkdown(root, {
    extensions: [gfmToMarkdown()],
    bullet: '-',
    listItemIndent: 'one',
    fence: '`',
    fences: true,
    unsafe: SLIDEV_UNSAFE,
    handlers: {
      // `<` as a character reference, not a backslash escape: Slidev's slide splitter reads `\<!--` as a comment.
      text: (node: Text, _parent, state, info) => state.safe(node.value, { ...info, encode: ['<'] }),
      // Slidev's splitter skips only code fences that start a line; a fence inside a list or quote
      // would make it skip (or split) the wrong lines. Nested code is written as one line of HTML instead.
      code: (node, parent, state, info) => (parent && parent.type !== 'root' ? `<pre class="nd-pre"><code>${codeHtml(node.value)}</code></pre>` : defaultHandlers.code(node, parent, state, info)),
      // Inline code is literal in Markdown, but the splitter still reads `<!--` in it as a comment.
      inlineCode: (node, parent, state) => (/<!\-\-|\-\->/.test(node.value) ? `<code>${codeHtml(node.value)}</code>` : defaultHandlers.inlineCode(node, parent, state)),
    },
  }).replace(/^\n+|\n+$/g, '') // not trim(): it would also strip U+FEFF and spaces that keep a `---` off the line start
}

/**
 * Links keep their address only when it cannot run script: it parses (as a browser would, relative
 * to a page) to http(s) or mailto.
 */
export function isSafeUrl(url: string): boolean {
  try {
    return ['http:', 'https:', 'mailto:'].includes(new URL(url, 'https://relative.invalid/').protocol)
  }
  catch {
    return false
  }
}

/** Code as HTML text on one line: nothing in it can read as a tag, a comment, or a Slidev separator. */
function codeHtml(s: string): string {
  return escapeHtml(s).replace(/-/g, '&#45;').replace(/`/g, '&#96;').replace(/\n/g, '&#10;')
}

export { escapeHtml }
