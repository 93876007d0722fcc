/** mdast -> typed notes model: sections by heading, definitions, periods, term lists, links. Pure. */
import type { BlockContent, Heading, Root, RootContent } from 'mdast'
import type { Block, ImageRef, Notes, Section, Span } from '../types'
import { headingAnchors, isTableOfContents, isTocTitle } from './anchors'
import { allOf, asEvent, asLink, asPeriod, asTerm, inTimeOrder } from './blocks'
import { readHtml } from './html'
import { spanOf } from './span'
import { plainText } from '../text'

/**
 * Raw `<img>` tags inside paragraphs, list items and quotes (a common way to size images in notes) are
 * taken out of the text and become image blocks after the block that held them.
 */
function liftHtmlImages<T extends RootContent>(node: T, images: ImageRef[]): T {
  if (!('children' in node))
    return node
  const children: RootContent[] = []
  let trimNext = false
  for (const raw of node.children as RootContent[]) {
    const child = trimNext && raw.type === 'text' ? { ...raw, value: raw.value.trimStart() } : raw
    trimNext = false
    if (child.type === 'html') {
      const html = readHtml(child.value, spanOf(child))
      if (html.imagesOnly) {
        images.push(...html.images)
        const prev = children[children.length - 1]
        if (prev?.type === 'text')
          prev.value = prev.value.trimEnd()
        trimNext = true
        continue
      }
    }
    children.push(liftHtmlImages(child, images))
  }
  return { ...node, children }
}

function blocksOf(input: RootContent): Block[] {
  const lifted: ImageRef[] = []
  const node = input.type === 'html' ? input : liftHtmlImages(input, lifted)
  const blocks = shapeOf(node)
  return lifted.length ? [...blocks, ...lifted.map(image => ({ kind: 'image' as const, image }))] : blocks
}

function shapeOf(node: RootContent): Block[] {
  const span = spanOf(node)
  switch (node.type) {
    case 'paragraph': {
      const visible = node.children.filter(c => !(c.type === 'text' && !c.value.trim()))
      if (visible.length > 0 && visible.every(c => c.type === 'image'))
        return visible.map(c => ({ kind: 'image', image: { url: c.type === 'image' ? c.url : '', alt: c.type === 'image' ? c.alt ?? '' : '', span } }))
      return [{ kind: 'paragraph', node, span }]
    }
    case 'list': {
      const periods = allOf(node, 2, asPeriod) ?? inTimeOrder(allOf(node, 3, asEvent))
      if (periods)
        return [{ kind: 'timeline', periods, span }]
      const links = allOf(node, 1, asLink)
      if (links)
        return [{ kind: 'links', links, span, node }]
      const items = allOf(node, 2, asTerm)
      if (items)
        return [{ kind: 'terms', items, span, node }]
      return [{ kind: 'list', node, span }]
    }
    case 'blockquote':
      return [{ kind: 'quote', content: node.children.filter((c): c is BlockContent => c.type !== 'definition' && c.type !== 'footnoteDefinition'), span }]
    case 'table':
      return [{ kind: 'table', node, span }]
    case 'code':
      return [{ kind: 'code', lang: node.lang ?? undefined, value: node.value, span }]
    case 'html': {
      const html = readHtml(node.value, span)
      if (html.imagesOnly)
        return html.images.map(image => ({ kind: 'image', image }))
      return [{ kind: 'paragraph', node: { type: 'paragraph', children: [{ type: 'text', value: node.value }], position: node.position }, span }]
    }
    default:
      // thematic breaks, footnote and link definitions carry no slide content of their own
      return []
  }
}

function newSection(h: Heading): Section {
  return { title: plainText(h), depth: h.depth, span: spanOf(h), blocks: [], children: [] }
}

function addBlock(section: Section, block: Block): void {
  if (block.kind === 'quote' && !section.definition && section.blocks.length === 0 && section.children.length === 0)
    section.definition = { content: block.content, span: block.span }
  else
    section.blocks.push(block)
}

export function buildNotes(root: Root, file: string): Notes {
  const notes: Notes = { file, intro: [], sections: [], anchors: new Map(), toc: [] }
  const stack: Section[] = []
  for (const node of root.children) {
    if (node.type === 'heading') {
      const section = newSection(node)
      while (stack.length && stack[stack.length - 1]!.depth >= section.depth)
        stack.pop()
      const parent = stack[stack.length - 1]
      if (parent)
        parent.children.push(section)
      else
        notes.sections.push(section)
      stack.push(section)
      continue
    }
    const current = stack[stack.length - 1]
    for (const block of blocksOf(node)) {
      if (current)
        addBlock(current, block)
      else
        notes.intro.push(block)
    }
  }
  const lifted = liftTitle(notes)
  const intro: Block[] = []
  const toc: Span[] = []
  for (const b of lifted.intro) {
    if (isTocBlock(b))
      toc.push(b.kind === 'image' ? b.image.span : b.span)
    else
      intro.push(b)
  }
  const rest = withoutToc(lifted.sections)
  return { ...lifted, intro, anchors: headingAnchors(lifted.sections), sections: rest.sections, toc: [...toc, ...rest.toc] }
}

/** A table of contents before the first section: a list of in-page links, its title (`Contents:`), or an editor's `[TOC]` marker. */
function isTocBlock(block: Block): boolean {
  if (block.kind === 'paragraph')
    return isTocTitle(plainText(block.node))
  return (block.kind === 'list' || block.kind === 'links') && isTableOfContents({ title: '', depth: 2, span: block.span, blocks: [block], children: [] })
}

/** The notes' own tables of contents, wherever they are, are left out (and remembered). */
function withoutToc(sections: Section[]): { sections: Section[], toc: Span[] } {
  const toc: Span[] = []
  const walk = (list: Section[]): Section[] => list.flatMap((s) => {
    if (isTableOfContents(s)) {
      const last = s.blocks[s.blocks.length - 1]
      toc.push({ start: s.span.start, end: last && last.kind !== 'image' ? last.span.end : s.span.end })
      return []
    }
    return [{ ...s, children: walk(s.children) }]
  })
  return { sections: walk(sections), toc }
}

/**
 * A single top-level heading with sections under it (usually the one H1) titles the notes; its
 * sections become the deck's.
 */
function liftTitle(notes: Notes): Notes {
  const [only, ...others] = notes.sections
  if (!only || others.length > 0 || only.children.length === 0)
    return notes
  const intro = [...notes.intro, ...(only.definition ? [{ kind: 'quote' as const, content: only.definition.content, span: only.definition.span }] : []), ...only.blocks]
  return { ...notes, title: only.title, intro, sections: only.children }
}
