/** The one error type that notedeck throws for anything a user can cause. Only the CLI prints it. */

export type ErrorCode =
  | 'NOTES_NOT_FOUND'
  | 'NOTES_NOT_FILE'
  | 'NOTES_UNREADABLE'
  | 'NOTES_EMPTY'
  | 'NOTES_ENCODING'
  | 'NOTES_TOO_LARGE'
  | 'NOTES_STRUCTURE'
  | 'CONFIG_INVALID'
  | 'USAGE'
  | 'BROWSER_NOT_FOUND'
  | 'EXPORT_FAILED'
  | 'CONTENT_LOST'
  | 'CHECK_FAILED'
  | 'WRITE_FAILED'
  | 'STALE'
  | 'HAND_EDITED'

export interface SourcePoint {
  file: string
  line?: number
  column?: number
}

export class NotedeckError extends Error {
  readonly code: ErrorCode
  readonly where: SourcePoint | undefined
  readonly hint: string | undefined

  constructor(code: ErrorCode, message: string, options: { where?: SourcePoint, hint?: string, cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'NotedeckError'
    this.code = code
    this.where = options.where
    this.hint = options.hint
  }

  /** `file:line:col: message` (line and column when known), then the hint on its own line. */
  format(): string {
    const head = this.where ? `${formatPoint(this.where)}: ` : ''
    const hint = this.hint ? `\n  hint: ${this.hint}` : ''
    return `${head}${this.message} [${this.code}]${hint}`
  }
}

export function formatPoint(p: SourcePoint): string {
  if (p.line === undefined)
    return p.file
  return p.column === undefined ? `${p.file}:${p.line}` : `${p.file}:${p.line}:${p.column}`
}

export function isNotedeckError(e: unknown): e is NotedeckError {
  return e instanceof NotedeckError
}
