/**
 * What of the notes did not reach a PDF's text (`pdftotext -raw`): lines of the notes' code blocks
 * (the first 40 characters of each, white space ignored) and symbols (emoji included). The same
 * measure as the project's shared `pdf-lost.py`, for the tests.
 */
import { execFileSync } from 'node:child_process'

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '')

/** Symbols a reader would miss: emoji and other signs, not box drawing or arrows (drawn in code). */
const isSymbol = (c: string) => {
  const cp = c.codePointAt(0)!
  return cp > 0x2000 && /[\p{So}\p{Sm}]/u.test(c) && !(cp >= 0x2500 && cp <= 0x25FF) && !(cp >= 0x2190 && cp <= 0x21FF)
}

export interface Lost { codeLines: number, missingLines: string[], missingSymbols: string[] }

export function lostInPdf(notes: string, pdf: string): Lost {
  const raw = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' })
  const text = norm(raw)
  let codeLines = 0
  const missingLines: string[] = []
  for (const m of notes.matchAll(/^\s*```[^\n]*\n([\s\S]*?)^\s*```/gm)) {
    for (const line of m[1]!.split('\n')) {
      const n = norm(line)
      if (n.length < 4)
        continue
      codeLines++
      if (!text.includes(n.slice(0, 40)))
        missingLines.push(line.trim().slice(0, 50))
    }
  }
  const symbols = [...new Set([...notes].filter(isSymbol))]
  return { codeLines, missingLines, missingSymbols: symbols.filter(c => !raw.includes(c)) }
}
