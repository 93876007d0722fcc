// A tagged PDF read back: its structure tree as poppler prints it, and the catalog entries the tags
// need (language, title, figures with their alternative text, what later steps must keep).
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib'

export interface Node { type: string, text: string, children: Node[], attrs: string[] }

/** poppler's `pdfinfo -struct-text` as a tree: elements by indentation, their text collected. */
export function structure(pdf: string): Node {
  const out = execFileSync('pdfinfo', ['-struct-text', pdf], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  const root: Node = { type: 'root', text: '', children: [], attrs: [] }
  const stack: Array<{ indent: number, node: Node }> = [{ indent: -1, node: root }]
  for (const line of out.split('\n')) {
    const indent = line.length - line.trimStart().length
    const body = line.trim()
    if (!body)
      continue
    while (stack.length > 1 && stack.at(-1)!.indent >= indent)
      stack.pop()
    const parent = stack.at(-1)!.node
    if (body.startsWith('"')) {
      const text = body.slice(1, -1)
      for (const s of stack)
        s.node.text += text
    }
    else if (body.startsWith('/')) {
      parent.attrs.push(body)
    }
    else {
      const node: Node = { type: body.split(/[\s:]/)[0]!, text: '', children: [], attrs: [] }
      parent.children.push(node)
      stack.push({ indent, node })
    }
  }
  return root
}

export const all = (n: Node, type: string): Node[] => [...(n.type === type ? [n] : []), ...n.children.flatMap(c => all(c, type))]

export async function catalog(pdf: string) {
  const doc = await PDFDocument.load(readFileSync(pdf), { updateMetadata: false })
  const prefs = doc.catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict)
  const figures: string[] = []
  const walk = (o: unknown): void => {
    const node = o instanceof PDFDict ? o : undefined
    if (node) {
      if (String(node.get(PDFName.of('S'))) === '/Figure')
        figures.push((node.get(PDFName.of('Alt')) as { decodeText?: () => string } | undefined)?.decodeText?.() ?? '')
      const k = node.get(PDFName.of('K'))
      if (k)
        walk(doc.context.lookup(k))
    }
    else if (o && typeof (o as { asArray?: unknown }).asArray === 'function') {
      for (const x of (o as { asArray: () => unknown[] }).asArray())
        walk(doc.context.lookup(x as Parameters<typeof doc.context.lookup>[0]))
    }
  }
  const structRoot = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict)
  walk(structRoot)
  return {
    // What later steps (the outline, the handout's composition) must keep for the tags to work.
    kept: {
      parentTree: structRoot.has(PDFName.of('ParentTree')),
      marked: String(doc.catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict)?.get(PDFName.of('Marked'))),
    },
    lang: String(doc.catalog.get(PDFName.of('Lang')) ?? ''),
    displayTitle: String(prefs?.get(PDFName.of('DisplayDocTitle')) ?? ''),
    title: doc.getTitle(),
    figures,
  }
}
