/** Markdown text -> mdast with positions (CommonMark + GFM, and a leading YAML frontmatter). Pure. */
import type { Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { frontmatter } from 'micromark-extension-frontmatter'
import { gfm } from 'micromark-extension-gfm'

export function parseMarkdown(source: string): Root {
  return fromMarkdown(source, { extensions: [gfm(), frontmatter(['yaml'])], mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])] })
}

/** The notes' YAML frontmatter (`---` … `---` at the very top) and the line its YAML starts on. */
export function frontmatterOf(root: Root): { source: string, line: number } | undefined {
  const first = root.children[0]
  return first?.type === 'yaml' ? { source: first.value, line: (first.position?.start.line ?? 1) + 1 } : undefined
}
