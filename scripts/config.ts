/** The deck config (data/deck.yaml): metadata the notes do not carry. Untrusted input, so validated with zod. */
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml'
import { z } from 'zod'
import { NotedeckError } from './errors'

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
  lang: z.enum(['zh', 'en']).optional(),
  /** Light or dark theme for the deck. */
  colorSchema: z.enum(['light', 'dark', 'auto']).optional(),
  flows: z.array(FlowSchema).default([]),
})

export type DeckConfig = z.infer<typeof DeckConfigSchema>
export type FlowConfig = z.infer<typeof FlowSchema>

export const EMPTY_CONFIG: DeckConfig = { flows: [] }

/** Parses and validates the YAML text of a deck config. Errors name `file:line:col`. */
export function parseConfig(source: string, file: string): DeckConfig {
  const lineCounter = new LineCounter()
  const doc = parseDocument(source, { lineCounter, prettyErrors: false })
  const first = doc.errors[0]
  if (first) {
    const pos = lineCounter.linePos(first.pos[0])
    throw new NotedeckError('CONFIG_INVALID', `invalid YAML: ${first.message.split('\n')[0]}`, { where: { file, line: pos.line, column: pos.col } })
  }
  const result = DeckConfigSchema.safeParse(doc.toJS() ?? {})
  if (result.success)
    return result.data
  const issue = result.error.issues[0]!
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
  let node: unknown = path.length ? doc.getIn(path, true) : doc.contents
  if (issue.code === 'unrecognized_keys' && isMap(node)) {
    // Point at the unknown key itself, not at the map that holds it.
    const pair = node.items.find(p => isScalar(p.key) && p.key.value === issue.keys[0])
    node = pair?.key ?? node
  }
  const offset = node && typeof node === 'object' && 'range' in node && Array.isArray(node.range) ? node.range[0] as number : 0
  const pos = lineCounter.linePos(offset)
  const where = path.length ? `${path.join('.')}: ` : ''
  throw new NotedeckError('CONFIG_INVALID', `${where}${issue.message}`, {
    where: { file, line: pos.line, column: pos.col },
    hint: 'keys: title, subtitle, author, date, lang (zh|en), colorSchema, flows[{section, title, start, end}]',
  })
}
