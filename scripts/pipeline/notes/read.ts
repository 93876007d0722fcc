/** The input edge: reads a notes file and decodes it, refusing what is not text. */
import { readFile, stat } from 'node:fs/promises'
import { NotedeckError } from '../../core/errors'
import type { Warning } from '../types'

/** Notes larger than this are refused (about 170 times the default notes, some 3500 slides): it bounds time and memory. */
export const MAX_NOTES_BYTES = 1024 * 1024

export interface NotesText {
  text: string
  warnings: Warning[]
}

/** Decodes bytes as UTF-8 (BOM and CRLF accepted); GB18030/GBK is decoded with a warning; binary is refused. */
export function decodeNotes(bytes: Uint8Array, file: string): NotesText {
  const warnings: Warning[] = []
  if (bytes.includes(0))
    throw new NotedeckError('NOTES_ENCODING', 'this looks like a binary file (it contains NUL bytes), not Markdown notes', { where: { file } })
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  }
  catch {
    const at = firstInvalidUtf8(bytes)
    let gb: string | undefined
    try {
      gb = new TextDecoder('gb18030', { fatal: true }).decode(bytes)
    }
    catch {}
    if (gb && /[\u4E00-\u9FFF]/u.test(gb)) {
      text = gb
      warnings.push({ message: `${file} is not UTF-8; decoded it as GB18030 (GBK). To convert it for good: iconv -f GB18030 -t UTF-8 ${file} > notes-utf8.md` })
    }
    else {
      throw new NotedeckError('NOTES_ENCODING', `invalid UTF-8 at byte ${at.offset} (line ${at.line})`, { where: { file, line: at.line }, hint: 'save the notes as UTF-8' })
    }
  }
  text = text.replace(/\r\n?/g, '\n')
  if (!text.trim())
    throw new NotedeckError('NOTES_EMPTY', 'the notes are empty', { where: { file }, hint: 'write some Markdown: headings (##) become sections, lists and blockquotes become slides' })
  return { text, warnings }
}

function firstInvalidUtf8(bytes: Uint8Array): { offset: number, line: number } {
  let lo = 0
  let hi = bytes.length
  const ok = (n: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true })
      return true
    }
    catch { return false }
  }
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (ok(mid))
      lo = mid
    else hi = mid - 1
  }
  let line = 1
  for (let i = 0; i < lo; i++) {
    if (bytes[i] === 10)
      line++
  }
  return { offset: lo, line }
}

export async function readNotes(file: string): Promise<NotesText> {
  let info
  try {
    info = await stat(file)
  }
  catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT')
      throw new NotedeckError('NOTES_NOT_FOUND', 'no such file', { where: { file }, hint: 'pass the path of a Markdown notes file, e.g. npm run generate -- data/notes.md' })
    throw new NotedeckError('NOTES_UNREADABLE', `cannot read the notes (${code ?? String(e)})`, { where: { file }, cause: e })
  }
  if (!info.isFile())
    throw new NotedeckError('NOTES_NOT_FILE', 'this is a directory, not a notes file', { where: { file } })
  if (info.size > MAX_NOTES_BYTES)
    throw new NotedeckError('NOTES_TOO_LARGE', `the notes are ${(info.size / 1048576).toFixed(1)} MiB; the limit is ${MAX_NOTES_BYTES / 1048576} MiB`, { where: { file }, hint: 'split the notes into several decks' })
  try {
    return decodeNotes(await readFile(file), file)
  }
  catch (e) {
    if (e instanceof NotedeckError)
      throw e
    throw new NotedeckError('NOTES_UNREADABLE', `cannot read the notes (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { where: { file }, cause: e })
  }
}
