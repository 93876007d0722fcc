/**
 * Notes of the kind people write (tutorials and study notes): numbered steps with code, scripts of
 * 20-200 lines with pipes, heredoc tables and box characters, shell sessions, box drawings with
 * Chinese labels, tables narrow and wide, deep lists, long URLs and words, emoji, Chinese and
 * English mixed. Random but realistic: every block can be laid out on a slide (nothing wider than a
 * slide can hold at the smallest font), so a deck of them must show everything. Shared by the
 * planner's property test and the browser fuzz.
 */
import fc from 'fast-check'

const ZH = ['模型', '训练', '数据', '部署', '推理', '显存', '参数', '微调', '向量', '检索', '配置', '日志', '服务', '端口', '镜像', '容器', '量化', '评估', '指标', '缓存']
const EN = ['model', 'server', 'token', 'batch', 'latency', 'cache', 'index', 'query', 'prompt', 'config', 'deploy', 'GPU', 'pipeline', 'vector', 'embedding', 'checkpoint']
const EMOJI = ['✅', '❌', '📊', '📋', '🔗', '🚀', '⚠️', '💡', '🎉', '📌', '🤖', '👉', '⭐', '🔥']
const LONG = ['https://github.com/ollama/ollama/blob/main/docs/linux.md#installing-specific-versions', 'AutoModelForSequenceClassification.from_pretrained', 'supercalifragilisticexpialidocious_configuration_value', 'https://huggingface.co/docs/transformers/main/en/model_doc/llama#transformers.LlamaForCausalLM']
const CMDS = ['pip install -U transformers accelerate', 'docker run -d --gpus all -p 8000:8000 vllm/vllm-openai --model Qwen/Qwen2-7B', 'nvidia-smi --query-gpu=name,memory.used --format=csv', 'curl -s http://127.0.0.1:11434/api/tags | jq .', 'kubectl get pods -n ai | grep Running', 'git clone https://github.com/hiyouga/LLaMA-Factory.git', 'ollama run qwen2:7b', 'python train.py --lr 2e-5 --epochs 3 | tee train.log']

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs)

/** A sentence in Chinese, English or both, sometimes with an emoji, inline code, a long word or URL. */
const sentence = fc.tuple(
  fc.array(fc.oneof(pick(ZH), pick(EN)), { minLength: 3, maxLength: 18 }),
  fc.boolean(),
  fc.option(pick(EMOJI), { nil: undefined, freq: 3 }),
  fc.option(pick(LONG), { nil: undefined, freq: 6 }),
  fc.option(pick(EN), { nil: undefined, freq: 3 }),
).map(([words, zh, emoji, long, code]) => {
  const body = zh ? words.join('') : words.join(' ')
  return `${emoji ? `${emoji} ` : ''}${body}${code ? ` \`${code}\`` : ''}${long ? ` ${long}` : ''}${zh ? '。' : '.'}`
})

const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map(ss => ss.join(' '))

/** A line of a script: commands, assignments, comments, pipes; sometimes Chinese, box characters, an emoji. */
const scriptLine = fc.oneof(
  pick(CMDS),
  fc.tuple(pick(EN), pick(EN)).map(([a, b]) => `${a.toUpperCase()}="${b}"`),
  fc.tuple(pick(ZH), pick(ZH)).map(([a, b]) => `# ${a}${b}：检查 ──▶ 下一步`),
  fc.tuple(pick(EN), pick(EMOJI)).map(([a, e]) => `echo "${e} ${a} done" | tee -a deploy.log`),
  fc.constant(''),
  fc.tuple(pick(EN), pick(EN)).map(([a, b]) => `  if [ -z "$${a.toUpperCase()}" ]; then ${b}; fi`),
)

/** A script of 20 to `max` lines, sometimes with a Markdown table in a heredoc. */
const script = (max: number) => fc.tuple(fc.array(scriptLine, { minLength: 20, maxLength: max }), fc.boolean(), pick(['bash', 'sh', 'python', ''])).map(([lines, table, lang]) => {
  const heredoc = table ? ['cat > report.md <<MD', '| 项目 | 结果 |', '| --- | --- |', '| 模型 | $MODEL |', '| 状态 | ✅ 成功 |', 'MD'] : []
  return `\`\`\`${lang}\n${[...lines.slice(0, 10), ...heredoc, ...lines.slice(10)].join('\n')}\n\`\`\``
})

/** A shell session: prompts and their output, sometimes an ASCII table as a database prints it. */
const session = fc.array(fc.tuple(pick(CMDS), fc.array(fc.oneof(pick(ZH), pick(EN)), { minLength: 0, maxLength: 4 }), fc.boolean()), { minLength: 1, maxLength: 6 })
  .map(runs => `\`\`\`console\n${runs.map(([cmd, out, table]) => [`$ ${cmd}`, ...out.map(o => `${o}    ok`), ...(table ? ['+----+--------+', '| id | name   |', '+----+--------+', '|  1 | qwen2  |', '+----+--------+'] : [])].join('\n')).join('\n')}\n\`\`\``)

/** A box with a label (Chinese labels count two columns), `w` columns wide. */
function box(label: string, w: number): string[] {
  const width = [...label].reduce((n, c) => n + (c.charCodeAt(0) > 0x2E80 ? 2 : 1), 0)
  const pad = Math.max(0, w - 2 - width)
  return [`┌${'─'.repeat(w - 2)}┐`, `│${' '.repeat(Math.floor(pad / 2))}${label}${' '.repeat(Math.ceil(pad / 2))}│`, `└${'─'.repeat(Math.floor((w - 2) / 2))}┬${'─'.repeat(Math.ceil((w - 2) / 2) - 1)}┘`]
}

/** A box drawing: boxes joined by arrows, one to four across, 1 to `rows` rows of boxes (4 lines each), at most 94 columns wide. */
const drawing = (most: number) => fc.tuple(fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.array(pick(ZH), { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: most }), fc.integer({ min: 14, max: 22 })).map(([rows, w]) => {
  const lines: string[] = []
  for (const [across, words] of rows) {
    const boxes = Array.from({ length: across }, (_, i) => box(`${words.join('')}${i ? String(i) : ''}`, w))
    for (let k = 0; k < 3; k++)
      lines.push(boxes.map(b => b[k]).join('  '))
    lines.push(boxes.map(() => `${' '.repeat(Math.floor(w / 2))}▼${' '.repeat(Math.ceil(w / 2) - 1)}`).join('  ').trimEnd())
  }
  return `\`\`\`\n${lines.join('\n')}\n\`\`\``
})

const cell = fc.oneof(pick(ZH), pick(EN), sentence.map(s => s.slice(0, 60)), pick(EMOJI))
/** A table of 2-8 columns and 1 to `rows` rows. */
const table = (rows: number) => fc.integer({ min: 2, max: 8 }).chain(cols => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: 2, maxLength: rows + 1 }))
  .map(([head, ...rows]) => [`| ${head!.join(' | ')} |`, `|${head!.map(() => ' --- |').join('')}`, ...rows.map(r => `| ${r.join(' | ')} |`)].join('\n'))

/** An ordered list of steps, each a line ending in a colon and its code. */
const stepsWithCode = fc.array(fc.tuple(sentence, fc.array(pick(CMDS), { minLength: 1, maxLength: 25 })), { minLength: 2, maxLength: 6 })
  .map(items => items.map(([text, code], i) => `${i + 1}. ${text.replace(/[。.]$/, '')}：\n   \`\`\`bash\n${code.map(c => `   ${c}`).join('\n')}\n   \`\`\``).join('\n'))

/** A list up to five levels deep. */
const deepList = fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), sentence), { minLength: 2, maxLength: 14 }).map((items) => {
  let depth = 0
  return items.map(([d, text], i) => {
    depth = i === 0 ? 0 : Math.min(d, depth + 1)
    return `${'  '.repeat(depth)}- ${text}`
  }).join('\n')
})

const termList = fc.array(fc.tuple(fc.oneof(pick(EN), pick(ZH)), sentence), { minLength: 2, maxLength: 8 }).map(items => items.map(([t, s]) => `- **${t}**：${s}`).join('\n'))
const emojiList = fc.array(fc.tuple(pick(EMOJI), sentence), { minLength: 2, maxLength: 8 }).map(items => items.map(([e, s]) => `- ${e} ${s}`).join('\n'))

const title = fc.tuple(fc.array(pick(ZH), { minLength: 1, maxLength: 4 }), fc.option(pick(EMOJI), { nil: undefined, freq: 5 })).map(([ws, e]) => `${ws.join('')}${e ? ` ${e}` : ''}`)

/** How much of each shape a note may hold. */
export interface NotesSize { scriptLines: number, drawingRows: number, tableRows: number, sections: number, blocks: number, subsections: number }

/** Notes as long as the author's longest (the default), and small ones (a few hundred decks in the browser in a minute or two). */
export const SIZES: Record<'full' | 'small', NotesSize> = {
  full: { scriptLines: 200, drawingRows: 10, tableRows: 15, sections: 6, blocks: 4, subsections: 3 },
  small: { scriptLines: 60, drawingRows: 5, tableRows: 8, sections: 3, blocks: 2, subsections: 1 },
}

/** Whole notes: a title, a line under it, an optional table of contents, two or more sections. */
export function realisticNotesOf(size: NotesSize): fc.Arbitrary<string> {
  /** What goes under a heading. */
  const block = fc.oneof(
    { weight: 4, arbitrary: paragraph },
    { weight: 2, arbitrary: paragraph.map(p => `${p.replace(/[。.]$/, '')}：`) },
    { weight: 2, arbitrary: script(size.scriptLines) },
    { weight: 2, arbitrary: session },
    { weight: 2, arbitrary: drawing(size.drawingRows) },
    { weight: 2, arbitrary: table(size.tableRows) },
    { weight: 2, arbitrary: stepsWithCode },
    { weight: 2, arbitrary: deepList },
    { weight: 1, arbitrary: termList },
    { weight: 1, arbitrary: emojiList },
    { weight: 1, arbitrary: paragraph.map(p => `> ${p}`) },
  )
  /** A numbered step heading with a short command, a small drawing or a line under it. */
  const stepSection = fc.tuple(title, fc.oneof(pick(CMDS).map(c => `\`\`\`bash\n${c}\n\`\`\``), drawing(2), sentence))
  const steps = fc.array(stepSection, { minLength: 2, maxLength: 7 }).map(ss => ss.map(([t, body], i) => `### ${i + 1}. ${t}\n${body}`).join('\n\n'))
  const section = fc.tuple(title, fc.array(block, { minLength: 0, maxLength: size.blocks }), fc.array(fc.tuple(title, fc.array(block, { minLength: 0, maxLength: size.blocks })), { maxLength: size.subsections }), fc.option(steps, { nil: undefined, freq: 3 }))
    .map(([t, blocks, subs, st]) => [`## ${t}`, ...blocks, ...subs.map(([s, bs]) => [`### ${s}`, ...bs].join('\n\n')), ...(st ? [st] : [])].join('\n\n'))
  return fc.tuple(title, fc.option(sentence, { nil: undefined }), fc.array(section, { minLength: 2, maxLength: size.sections }), fc.boolean())
    .map(([t, intro, sections, toc]) => {
      const heads = sections.map(s => s.split('\n')[0]!.slice(3))
      return [`# ${t}`, ...(intro ? [intro] : []), ...(toc ? ['## 目录', heads.map(h => `- [${h}](#${h.toLowerCase().replace(/\s+/g, '-')})`).join('\n')] : []), ...sections].join('\n\n')
    })
}

export const realisticNotes = realisticNotesOf(SIZES.full)

/** Every line of every code block of `notes` (as written: the lines a reader must find on some slide). */
export function codeLines(notes: string): string[] {
  return [...notes.matchAll(/^( *)(`{3,})[^\n]*\n([\s\S]*?)\n\1\2 *$/gm)].flatMap(m => m[3]!.split('\n').map(l => l.slice(m[1]!.length)))
}
