/**
 * The deck settings: in the notes' YAML frontmatter and/or a deck.yaml beside them (which wins key
 * by key). Untrusted input, so validated with zod; errors name file:line:col.
 */
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml'
import { z } from 'zod'
import { NotedeckError, type SourcePoint } from '../../core/errors'
import { talkSeconds } from '../../core/duration'

const text = z.string().trim().min(1)

const FlowSchema = z.strictObject({
  /** The heading of the section whose list of methods are the steps of the flow. */
  section: text,
  title: text.optional(),
  /** Node before the first step, e.g. what the model has before the methods apply. */
  start: text.optional(),
  /** Node after the last step: the outcome. */
  end: text.optional(),
})

export const DeckConfigSchema = z.strictObject({
  title: text.optional(),
  subtitle: text.optional(),
  author: text.optional(),
  date: z.union([text, z.date().transform(d => d.toISOString().slice(0, 10))]).optional(),
  /** zh or en; a language tag as Pandoc and Hugo write it (`zh-CN`, `en-US`) is read by its language. */
  lang: z.preprocess(v => (typeof v === 'string' ? v.trim().toLowerCase().split(/[-_]/)[0] : v), z.enum(['zh', 'en'])).optional(),
  /** Light or dark theme for the deck. */
  colorSchema: z.enum(['light', 'dark', 'auto']).optional(),
  flows: z.array(FlowSchema).optional(),
  /** The talk's length (`20min`, `1h`, `1h30m`, `20分钟`; a bare number is minutes), in seconds once read. */
  duration: z.union([z.number(), text])
    .refine(v => talkSeconds(v) !== undefined, { message: 'not a talk length: write it as 20min, 1h, 1h30m or 20分钟' })
    .transform(v => talkSeconds(v)!)
    .optional(),
})

/** Where a flow was configured, for the warning when its section is not in the notes. */
export type FlowConfig = z.infer<typeof FlowSchema> & { where?: SourcePoint }
export type DeckConfig = Omit<z.infer<typeof DeckConfigSchema>, 'flows'> & { flows?: FlowConfig[] }

export const EMPTY_CONFIG: DeckConfig = {}

export interface ConfigSource {
  /** Display name of the file the YAML is in. */
  file: string
  /** Line of the file on which the YAML starts (a frontmatter starts on line 2). */
  line?: number
  /** Notes frontmatter carries keys for other tools (tags, aliases …): those are skipped, not errors. */
  lenient?: boolean
}

/** deck.yaml over the notes' frontmatter, key by key. */
export function mergeConfig(base: DeckConfig, over: DeckConfig): DeckConfig {
  const out: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(over)) {
    if (value !== undefined)
      out[key] = value
  }
  return out as DeckConfig
}

/** Parses and validates the YAML text of deck settings. Errors name `file:line:col`. */
export function parseConfig(source: string, where: string | ConfigSource): DeckConfig {
  const { file, line: startLine = 1, lenient = false } = typeof where === 'string' ? { file: where } : where
  const lineCounter = new LineCounter()
  const doc = parseDocument(source, { lineCounter, prettyErrors: false })
  const at = (offset: number): SourcePoint => {
    const pos = lineCounter.linePos(offset)
    return { file, line: pos.line + startLine - 1, column: pos.col }
  }
  const first = doc.errors[0]
  if (first)
    throw new NotedeckError('CONFIG_INVALID', `invalid YAML: ${first.message.split('\n')[0]}`, { where: at(first.pos[0]) })
  const raw = doc.toJS() ?? {}
  const known = lenient && raw && typeof raw === 'object' && !Array.isArray(raw)
    ? Object.fromEntries(Object.entries(raw).filter(([k]) => k in DeckConfigSchema.shape))
    : raw
  const result = DeckConfigSchema.safeParse(known)
  if (result.success) {
    const { flows, ...rest } = result.data
    const rangeOf = (path: Array<string | number>) => {
      const node = doc.getIn(path, true)
      return node && typeof node === 'object' && 'range' in node && Array.isArray(node.range) ? node.range[0] as number : 0
    }
    return { ...rest, ...(flows ? { flows: flows.map((f, i) => ({ ...f, where: at(rangeOf(['flows', i, 'section'])) })) } : {}) }
  }
  const issue = result.error.issues[0]!
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
  let node: unknown = path.length ? doc.getIn(path, true) : doc.contents
  if (issue.code === 'unrecognized_keys' && isMap(node)) {
    // Point at the unknown key itself, not at the map that holds it.
    const pair = node.items.find(p => isScalar(p.key) && p.key.value === issue.keys[0])
    node = pair?.key ?? node
  }
  const offset = node && typeof node === 'object' && 'range' in node && Array.isArray(node.range) ? node.range[0] as number : 0
  const key = path.length ? `${path.join('.')}: ` : ''
  throw new NotedeckError('CONFIG_INVALID', `${key}${issue.message}`, {
    where: at(offset),
    hint: 'keys: title, subtitle, author, date, lang (zh|en), colorSchema, duration (20min), flows[{section, title, start, end}]',
  })
}
